package dev.soba.streams.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract analysis through the real servers: items posted to the contracts topic are analysed by
 * the stream and answered by address; bytecode is analysed on request and cached in Redis by code
 * hash; bad bytecode is a 400 naming the field.
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class ContractIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String PATH = "/api/v1/blockchain/analyze-contract";
    /** kill(): CALLER SELFDESTRUCT behind a one-selector dispatcher. */
    private static final String KILLABLE = "0x60003560e01c8063" + "41c0e1b5" + "14601457600080fd5b33ff";
    private static String key;

    @Inject
    ApiKeys keys;

    @BeforeEach
    void apiKey() {
        if (key == null) {
            key = keys.store().create("contract-test", Set.of("read", "write")).await().atMost(Duration.ofSeconds(10))
                    .secret();
        }
    }

    private static Response analyze(final String path, final String body) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post(path);
    }

    @Test
    void theStreamAnalysesContractsAndTheEndpointAnswersByAddress() {
        final String address = "0x00000000000000000000000000000000000c0de1";
        final String item = "{\"type\":\"contract\",\"address\":\"" + address + "\",\"bytecode\":\"" + KILLABLE
                + "\",\"block_number\":7}";
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"items\": [" + item + "]}")
                .post("/api/v1/data/process-event-stream").then().statusCode(200).body("rejected", equalTo(0));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                analyze("/api/python/blockchain/analyze-contract", "{\"address\": \"" + address.toUpperCase().replace("0X", "0x") + "\"}")
                        .then().statusCode(200)
                        .body("address", equalTo(address))
                        .body("function_sighashes", contains("0x41c0e1b5"))
                        .body("risks[0].code", equalTo("selfdestruct"))
                        .body("risks[0].signal", equalTo("rug_pull")));
        analyze(PATH, "{\"address\": \"0x00000000000000000000000000000000000c0de2\"}").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void bytecodeIsAnalysedOnRequestAndCachedByCodeHash() {
        final String code = "0x60003560e01c8063" + "12345678" + "14601457600080fd5b00";
        analyze(PATH, "{\"bytecode\": \"" + code + "\"}").then().statusCode(200).header("X-Cache", "miss")
                .body("functions", hasSize(1))
                .body("functions[0].selector", equalTo("12345678"))
                .body("functions[0].state_mutability", equalTo("payable"));
        // the same code in capitals is the same code hash
        analyze("/api/python/blockchain/analyze-contract", "{\"bytecode\": \"" + code.toUpperCase().replace("0X", "0x") + "\"}")
                .then().statusCode(200).header("X-Cache", "hit").body("functions[0].selector", equalTo("12345678"));
        // a PUSH running off the end and a jump into data are code, not errors
        analyze(PATH, "{\"bytecode\": \"0x6003566001005b7f01\"}").then().statusCode(200).body("complete", equalTo(true));
    }

    @Test
    void badBytecodeIsAProblemNamingTheField() {
        final byte[] random = new byte[1 << 20];
        new Random(1).nextBytes(random);
        for (final String bad : new String[] {"\"0x123\"", "\"0xzz\"", "\"0x\"", "5",
                "\"0x" + HexFormat.of().formatHex(random) + "\""}) {
            analyze(PATH, "{\"bytecode\": " + bad + "}").then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("bytecode"))
                    .body("detail", containsString("bytecode"));
        }
        analyze(PATH, "{\"address\": \"0x12\"}").then().statusCode(400).body("field", equalTo("address"));
        analyze(PATH, "{}").then().statusCode(400);
        analyze(PATH, "[1]").then().statusCode(400);
    }
}
