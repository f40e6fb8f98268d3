package dev.soba.streams.schemas.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.soba.streams.schemas.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analysis format: every field written (nulls too), snake_case, and the JSON Schema agreeing. */
class ContractAnalysisTest {

    private static final JsonSchema SCHEMA = schema();

    private static JsonSchema schema() {
        try (InputStream in = ContractAnalysisTest.class.getResourceAsStream("/schemas/contract_analysis.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Json.mapper().readTree(in), SchemaValidatorsConfig.builder().build());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ContractAnalysis sample(final ProxyInfo proxy, final CompilerInfo compiler) {
        return new ContractAnalysis("0x00000000000000000000000000000000000000aa", "0x" + "ab".repeat(32), 1234,
                List.of("0xa9059cbb"), List.of(new FunctionInfo("a9059cbb", "address,uint256", "nonpayable")),
                true, false, false, false, proxy, compiler,
                List.of(new Risk("owner_mint", "mint(address,uint256) (0x40c10f19) mints new tokens", "rug_pull"),
                        new Risk("callcode", "the code contains CALLCODE", null)), true);
    }

    @Test
    void everyFieldIsWrittenAndTheSchemaAcceptsIt() {
        for (final ContractAnalysis analysis : List.of(sample(null, null),
                sample(new ProxyInfo("eip1167", "0x" + "be".repeat(20), null), new CompilerInfo("solc", "0.8.13")),
                sample(null, null).at(null))) {
            final JsonNode json = Json.mapper().valueToTree(analysis);
            assertThat(SCHEMA.validate(json)).as(json.toString()).isEmpty();
            assertThat(json.has("proxy")).isTrue();
            assertThat(json.has("compiler")).isTrue();
            assertThat(json.has("address")).isTrue();
            assertThat(Json.mapper().convertValue(json, ContractAnalysis.class)).isEqualTo(analysis);
        }
    }

    @Test
    void theSchemaRejectsAWrongMutabilityAndAnUnknownField() {
        final com.fasterxml.jackson.databind.node.ObjectNode json = Json.mapper().valueToTree(sample(null, null));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("functions").get(0)).put("state_mutability", "constant");
        assertThat(SCHEMA.validate(json)).isNotEmpty();
        final com.fasterxml.jackson.databind.node.ObjectNode extra = Json.mapper().valueToTree(sample(null, null));
        extra.put("bytecode", "0x");
        assertThat(SCHEMA.validate(extra)).isNotEmpty();
    }

    @Test
    void fraudSignalsAreTheRisksWithASignal() {
        assertThat(sample(null, null).fraudSignals()).extracting(Risk::code).containsExactly("owner_mint");
    }
}
