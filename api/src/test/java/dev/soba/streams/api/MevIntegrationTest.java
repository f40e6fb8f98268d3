package dev.soba.streams.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/** MEV end to end on the real broker: a traced block with a sandwich in, the finding out over HTTP; a reorg withdraws it. */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class MevIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
    private static String key;

    @Inject
    ApiKeys keys;

    @BeforeEach
    void apiKey() {
        if (key == null) {
            key = keys.store().create("mev-test", Set.of("read", "write")).await().atMost(Duration.ofSeconds(10)).secret();
        }
    }

    private static void post(final List<String> items) {
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"items\": [" + String.join(",", items) + "]}")
                .post("/api/v1/data/process-event-stream").then().statusCode(200).body("rejected", equalTo(0));
    }

    @Test
    void aSandwichIsFoundByBlockAndBySearcherAndAReorgWithdrawsIt() {
        final long number = ChainItems.blockNumber();
        final String blockHash = ChainItems.hash("block");
        final String bot = ChainItems.address("bot");
        final String pair = ChainItems.address("pair");
        final String token = ChainItems.address("token");
        final String user = ChainItems.address("user");
        final String router = ChainItems.address("router");
        final Traces traces = new Traces(number, blockHash);
        final String front = traces.transaction(bot, bot)
                .call(List.of(0L), bot, WETH, transfer(pair, 100), 0)
                .call(List.of(1L), bot, pair, pairSwap(1000, bot), 1)
                .call(List.of(1L, 0L), pair, token, transfer(bot, 1000), 0)
                .done();
        final String victim = traces.transaction(user, router)
                .call(List.of(0L), router, WETH, transferFrom(user, pair, 50), 0)
                .call(List.of(1L), router, pair, pairSwap(450, user), 1)
                .call(List.of(1L, 0L), pair, token, transfer(user, 450), 0)
                .done();
        final String back = traces.transaction(bot, bot)
                .call(List.of(0L), bot, token, transfer(pair, 1000), 0)
                .call(List.of(1L), bot, pair, pairSwap(108, bot), 1)
                .call(List.of(1L, 0L), pair, WETH, transfer(bot, 108), 0)
                .done();
        final List<String> items = new ArrayList<>();
        items.add(ChainItems.block(number, blockHash, ChainItems.hash("parent")));
        items.add(ChainItems.transaction(front, number, blockHash, 0, bot, bot, "0"));
        items.add(ChainItems.transaction(victim, number, blockHash, 1, user, router, "0"));
        items.add(ChainItems.transaction(back, number, blockHash, 2, bot, bot, "0"));
        items.addAll(traces.items());
        post(items);

        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key).queryParam("block", number)
                .get("/api/v1/mev").then().statusCode(200)
                .body("block_number", equalTo((int) number))
                .body("findings", hasSize(1))
                .body("findings[0].kind", equalTo("sandwich"))
                .body("findings[0].searcher_address", equalTo(bot))
                .body("findings[0].pool_address", equalTo(pair))
                .body("findings[0].frontrun_transaction_hash", equalTo(front))
                .body("findings[0].victim_transaction_hashes", equalTo(List.of(victim)))
                .body("findings[0].profit_amount", equalTo("8")));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key).queryParam("searcher", bot)
                .get("/api/v1/mev").then().statusCode(200)
                .body("searcher_address", equalTo(bot))
                .body("findings", hasSize(1))
                .body("findings[0].backrun_transaction_hash", equalTo(back)));

        // another block at that height orphans the sandwich's block: its finding is withdrawn
        post(List.of(ChainItems.block(number, ChainItems.hash("replacement"), ChainItems.hash("parent"))));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key).queryParam("block", number)
                .get("/api/v1/mev").then().statusCode(200).body("findings", hasSize(0)));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(key).queryParam("searcher", bot)
                .get("/api/v1/mev").then().statusCode(200).body("findings", hasSize(0)));
    }

    @Test
    void badMevQueriesAreProblemsWithTheField() {
        given().auth().oauth2(key).get("/api/v1/mev").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("block"));
        given().auth().oauth2(key).queryParam("block", "x").get("/api/v1/mev").then().statusCode(400)
                .body("field", equalTo("block"));
        given().auth().oauth2(key).queryParam("searcher", "0x12").get("/api/v1/mev").then().statusCode(400)
                .body("field", equalTo("searcher"));
        given().auth().oauth2(key).queryParam("block", 1).queryParam("searcher", ChainItems.address("s"))
                .get("/api/v1/mev").then().statusCode(400).body("field", equalTo("searcher"));
        given().get("/api/v1/mev?block=1").then().statusCode(401);
    }

    private static String selector(final String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    private static String word(final long value) {
        final String hex = BigInteger.valueOf(value).toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    private static String addressWord(final String address) {
        return "0".repeat(24) + address.substring(2);
    }

    private static String transfer(final String to, final long amount) {
        return selector("transfer(address,uint256)") + addressWord(to) + word(amount);
    }

    private static String transferFrom(final String from, final String to, final long amount) {
        return selector("transferFrom(address,address,uint256)") + addressWord(from) + addressWord(to) + word(amount);
    }

    /** Uniswap V2 {@code swap(0, out, to, "")}: the empty bytes are an offset (128) and a length (0). */
    private static String pairSwap(final long out, final String to) {
        return selector("swap(uint256,uint256,address,bytes)") + word(0) + word(out) + addressWord(to) + word(128) + word(0);
    }

    /** ethereum-etl call traces of one block, transaction by transaction. */
    private static final class Traces {
        private final long number;
        private final String blockHash;
        private final List<String> items = new ArrayList<>();
        private int transactions;

        Traces(final long number, final String blockHash) {
            this.number = number;
            this.blockHash = blockHash;
        }

        Tx transaction(final String from, final String to) {
            return new Tx(ChainItems.hash("tx"), transactions++, from, to);
        }

        List<String> items() {
            return items;
        }

        final class Tx {
            private final String hash;
            private final int position;
            private final List<String> calls = new ArrayList<>();

            Tx(final String hash, final int position, final String from, final String to) {
                this.hash = hash;
                this.position = position;
                // the top call has the two sub-calls every transaction of this test makes
                call(List.of(), from, to, "0x12345678", 2);
            }

            Tx call(final List<Long> path, final String from, final String to, final String input, final int subtraces) {
                calls.add("""
                        {"type": "trace", "transaction_index": %d, "from_address": "%s", "to_address": "%s",
                         "value": 0, "input": "%s", "output": "0x", "trace_type": "call", "call_type": "call",
                         "gas": 100000, "gas_used": 50000, "subtraces": %d, "trace_address": [%s], "error": null,
                         "status": 1, "transaction_hash": "%s", "block_number": %d, "trace_id": "call_%s_%s",
                         "trace_index": %d, "block_timestamp": 1683029999, "block_hash": "%s"}
                        """.formatted(position, from, to, input, subtraces,
                        path.stream().map(String::valueOf).collect(Collectors.joining(", ")), hash, number, hash,
                        path.stream().map(String::valueOf).collect(Collectors.joining("_")), items.size() + calls.size(),
                        blockHash));
                return this;
            }

            String done() {
                items.addAll(calls);
                return hash;
            }
        }
    }

    @Test
    void detectMevExplainsBadBodies() {
        final String key = keys.store().create("detect-mev-errors", Set.of("read"))
                .await().atMost(Duration.ofSeconds(10)).secret();
        given().auth().oauth2(key).contentType("application/json").body("{}")
                .post("/api/v1/blockchain/detect-mev").then().statusCode(400)
                .body("field", equalTo("items"));
        given().auth().oauth2(key).contentType("application/json").body("{\"block_number\": -1}")
                .post("/api/v1/blockchain/detect-mev").then().statusCode(400)
                .body("field", equalTo("block_number"));
        given().auth().oauth2(key).contentType("application/json")
                .body("{\"traces\": \"not a list\", \"receipts\": []}")
                .post("/api/v1/blockchain/detect-mev").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }
}
