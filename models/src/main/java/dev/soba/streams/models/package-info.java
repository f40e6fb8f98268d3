/**
 * Tribuo models of the pipeline: the features they read (defined once, used by training and by the
 * stream alike), training, evaluation and model files with their provenance. Plain Java: nothing
 * here knows Kafka Streams, Quarkus or CDI.
 */
package dev.soba.streams.models;
