package dev.soba.streams.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import dev.soba.streams.models.fraud.FraudModel;
import dev.soba.streams.models.fraud.FraudTraining;
import dev.soba.streams.models.fraud.LabelledWallet;
import dev.soba.streams.models.fraud.WalletFeature;
import dev.soba.streams.processors.fraud.FraudTopicKeys;
import dev.soba.streams.processors.fraud.WalletLabel;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.topology.ProducerSettings;
import dev.soba.streams.topology.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * assess-risk over HTTP on the real servers: a model activated through the fraud_model topic, a draining
 * wallet fed through the pipeline and scored, an unseen address answered as unseen, a transaction assessed
 * with a labelled recipient, and the errors as problem+json naming the field.
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class FraudIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static String key;

    @Inject
    ApiKeys keys;

    @BeforeEach
    void apiKey() {
        if (key == null) {
            key = keys.store().create("fraud-test", Set.of("read", "write")).await().atMost(Duration.ofSeconds(10)).secret();
        }
    }

    private static io.restassured.response.Response assess(final String path, final String body) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post(path);
    }

    /** A small model: many distinct recipients is illicit. */
    private static FraudModel model() {
        final Random random = new Random(3);
        final List<LabelledWallet> rows = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            final boolean illicit = i % 4 == 0;
            final double[] f = new double[WalletFeature.MODEL_INPUTS.size()];
            f[WalletFeature.MODEL_INPUTS.indexOf(WalletFeature.UNIQUE_SENT_TO)] = illicit ? 10 + random.nextInt(30) : random.nextInt(3);
            f[WalletFeature.MODEL_INPUTS.indexOf(WalletFeature.SENT_COUNT)] = illicit ? 10 + random.nextInt(30) : random.nextInt(3);
            rows.add(new LabelledWallet(String.format("0x%040x", i), f, Optional.of(illicit), false));
        }
        return new FraudTraining(List.of(new FraudTraining.Settings(10, 2, 0.3)), 2, 1).train(rows, "generated", "11".repeat(32), m -> { })
                .model();
    }

    @Test
    void aDrainerIsScoredAnUnseenAddressIsSaidUnseenAndATransactionIsAssessed() throws Exception {
        final FraudModel model = model();
        final Topics topics = new Topics("");
        final String drainer = ChainItems.address("drainer");
        final String phisher = ChainItems.address("phisher");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ProducerSettings.idempotent(RealServersResource.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.fraudModel(), FraudTopicKeys.MODEL_KEY, model.pack())).get();
            producer.send(new ProducerRecord<>(topics.walletLabels(), phisher,
                    Json.write(new WalletLabel(phisher, "Fake_Phishing42", "etherscan")))).get();
        }
        final List<String> items = new ArrayList<>();
        final long number = ChainItems.blockNumber();
        final String blockHash = ChainItems.hash("drain-block");
        items.add(ChainItems.block(number, blockHash, ChainItems.hash("parent")));
        final String firstDrain = ChainItems.hash("drain");
        for (int i = 0; i < 30; i++) {
            items.add(ChainItems.transaction(i == 0 ? firstDrain : ChainItems.hash("drain" + i), number, blockHash, i, drainer, ChainItems.address("sink" + i),
                    "1000000000000000000"));
        }
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"items\": [" + String.join(",", items) + "]}")
                .post("/api/v1/data/process-event-stream").then().statusCode(200).body("rejected", equalTo(0));

        await().atMost(PATIENCE).untilAsserted(() -> assess("/api/v1/fraud/assess-risk", "{\"address\": \"" + drainer.toUpperCase().replace("0X", "0x") + "\"}")
                .then().statusCode(200)
                .body("seen", equalTo(true))
                .body("risk_score", greaterThan(0.5f))
                .body("risk_level", equalTo("high"))
                .body("model.version", equalTo(model.card().version()))
                .body("model.trained_on", equalTo("11".repeat(32)))
                .body("features_as_of_block", equalTo((int) number))
                .body("reasons.code", hasItem("FEATURE")));

        // the alias is the same resource; an unseen address is not "low risk"
        assess("/api/python/fraud/assess-risk", "{\"address\": \"" + ChainItems.address("nobody") + "\"}").then().statusCode(200)
                .body("seen", equalTo(false)).body("risk_score", nullValue()).body("risk_level", equalTo("unknown"))
                .body("reasons[0].code", equalTo("NOT_SEEN"));

        // a transaction to a labelled phisher, given in ethereum-etl's format
        final String tx = ChainItems.transaction(ChainItems.hash("to-phisher"), number + 1, ChainItems.hash("b2"), 0,
                ChainItems.address("victim"), phisher, "5000000000000000000");
        assess("/api/v1/fraud/assess-risk", "{\"transaction\": " + tx + "}").then().statusCode(200)
                .body("risk_score", greaterThan(0.85f))
                .body("reasons.code", hasItem("LABELLED_RECIPIENT"))
                .body("model", notNullValue());

        // a stored transaction by hash
        assess("/api/v1/fraud/assess-risk", "{\"transaction_hash\": \"" + firstDrain + "\"}").then().statusCode(200)
                .body("transaction_hash", equalTo(firstDrain))
                .body("reasons.code", hasItem("SENDER_SCORE"))
                .body("risk_score", greaterThan(0.5f));
    }

    @Test
    void badBodiesAreProblemsNamingTheField() {
        assess("/api/v1/fraud/assess-risk", "{\"address\": \"0x12\"}").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("address"));
        assess("/api/v1/fraud/assess-risk", "{\"transaction\": {\"type\": \"transaction\"}}").then().statusCode(400)
                .body("field", startsWith("transaction"));
        assess("/api/v1/fraud/assess-risk", "{\"transaction_hash\": \"0xzz\"}").then().statusCode(400)
                .body("field", equalTo("transaction_hash"));
        assess("/api/v1/fraud/assess-risk", "{}").then().statusCode(400).body("field", equalTo("address"));
        assess("/api/v1/fraud/assess-risk", "{\"transaction_hash\": \"0x" + "ab".repeat(32) + "\"}").then().statusCode(404);
    }
}
