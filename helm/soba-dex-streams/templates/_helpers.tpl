{{/* Names and labels shared by every object of the release. */}}

{{- define "soba.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* At most 52 characters: a StatefulSet's pods carry a label <name>-<10-character revision hash> (63 at most). */}}
{{- define "soba.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The headless Service: pods' stable DNS names, used by the instances to forward queries to each other. */}}
{{- define "soba.headlessName" -}}
{{- printf "%s-headless" (include "soba.fullname" . | trunc 43 | trimSuffix "-") }}
{{- end }}

{{- define "soba.secretName" -}}
{{- include "soba.fullname" . }}
{{- end }}

{{- define "soba.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "soba.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "soba.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{- define "soba.selectorLabels" -}}
app.kubernetes.io/name: {{ include "soba.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "soba.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "soba.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: soba-dex-streams
{{- end }}

{{/* The input partitions bound the instances that can work at once. */}}
{{- define "soba.maxInstances" -}}
{{- int .Values.kafka.partitions }}
{{- end }}

{{/* A secret value: where it comes from (the chart's Secret or the user's), as an env valueFrom. */}}
{{- define "soba.secretRef" -}}
{{- $ctx := index . 0 }}
{{- $section := index . 1 }}
{{- $chartKey := index . 2 }}
secretKeyRef:
{{- if $section.existingSecret }}
  name: {{ $section.existingSecret }}
  key: {{ $section.existingSecretKey }}
{{- else }}
  name: {{ include "soba.secretName" $ctx }}
  key: {{ $chartKey }}
{{- end }}
{{- end }}

{{/* Whether the chart's own Secret holds a key for this section. */}}
{{- define "soba.chartHolds" -}}
{{- $section := index . 0 }}
{{- $valueField := index . 1 }}
{{- if and (not $section.existingSecret) (index $section $valueField) }}true{{- end }}
{{- end }}

{{/* The Kafka client settings both the application and the topic Job read. */}}
{{- define "soba.kafkaEnv" -}}
- name: SOBA_KAFKA_BOOTSTRAP_SERVERS
  value: {{ .Values.kafka.bootstrapServers | quote }}
- name: SOBA_TOPIC_PREFIX
  value: {{ .Values.kafka.topicPrefix | quote }}
- name: SOBA_TOPIC_PARTITIONS
  value: {{ .Values.kafka.partitions | quote }}
- name: SOBA_TOPIC_REPLICATION_FACTOR
  value: {{ .Values.kafka.replicationFactor | quote }}
- name: SOBA_APPLICATION_ID
  value: {{ .Values.applicationId | quote }}
{{- end }}

{{/* HTTP, or HTTPS only when a certificate is given (tls.existingSecret). */}}
{{- define "soba.scheme" -}}
{{- if .Values.tls.existingSecret }}HTTPS{{ else }}HTTP{{ end }}
{{- end }}
