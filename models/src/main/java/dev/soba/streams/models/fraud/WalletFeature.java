package dev.soba.streams.models.fraud;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The 47 per-address features of Farrugia, Ellul and Azzopardi (ESWA 150, 2020), written down once.
 * Each constant names its column in the labelled CSV, says what it means, in which unit, and how it is
 * computed from a {@link WalletActivity}: the CSV reader and the stream use this one list, so the
 * model reads in production exactly what it was trained on.
 *
 * <p>Ether amounts are in ether (wei / 10^18); ERC-20 amounts are token units / 10^18 (a transfer carries
 * no decimals; the source table sums tokens of different decimals the same way). Times are minutes.
 * "To a contract" is a transaction with call data (the stream does not know which addresses hold code);
 * an ERC-20 transfer "to a contract" is one whose recipient is the token contract itself.
 */
public enum WalletFeature {
    AVG_MIN_BETWEEN_SENT("Avg min between sent tnx", "average time between consecutive sent transactions", "min",
            a -> a.sent().averageGapMinutes()),
    AVG_MIN_BETWEEN_RECEIVED("Avg min between received tnx", "average time between consecutive received transactions", "min",
            a -> a.received().averageGapMinutes()),
    TIME_FIRST_TO_LAST("Time Diff between first and last (Mins)", "time between the first and the last transaction, sent or received", "min",
            WalletActivity::firstToLastMinutes),
    SENT_COUNT("Sent tnx", "transactions sent (excluding contract creations)", "count", a -> a.sent().count()),
    RECEIVED_COUNT("Received Tnx", "transactions received", "count", a -> a.received().count()),
    CREATED_CONTRACTS("Number of Created Contracts", "contract-creation transactions sent", "count", WalletActivity::createdContracts),
    UNIQUE_RECEIVED_FROM("Unique Received From Addresses", "distinct senders of received transactions", "count",
            a -> a.receivedFrom().count()),
    UNIQUE_SENT_TO("Unique Sent To Addresses", "distinct recipients of sent transactions", "count", a -> a.sentTo().count()),
    MIN_VALUE_RECEIVED("min value received", "smallest ether value received", "ether", a -> a.received().min()),
    MAX_VALUE_RECEIVED("max value received ", "largest ether value received", "ether", a -> a.received().max()),
    AVG_VALUE_RECEIVED("avg val received", "mean ether value received", "ether", a -> a.received().average()),
    MIN_VALUE_SENT("min val sent", "smallest ether value sent", "ether", a -> a.sent().min()),
    MAX_VALUE_SENT("max val sent", "largest ether value sent", "ether", a -> a.sent().max()),
    AVG_VALUE_SENT("avg val sent", "mean ether value sent", "ether", a -> a.sent().average()),
    MIN_VALUE_SENT_TO_CONTRACT("min value sent to contract", "smallest ether value sent to a contract", "ether",
            a -> a.sentToContract().min()),
    MAX_VALUE_SENT_TO_CONTRACT("max val sent to contract", "largest ether value sent to a contract", "ether",
            a -> a.sentToContract().max()),
    AVG_VALUE_SENT_TO_CONTRACT("avg value sent to contract", "mean ether value sent to a contract", "ether",
            a -> a.sentToContract().average()),
    TOTAL_TRANSACTIONS("total transactions (including tnx to create contract", "sent + received + contract creations", "count",
            a -> a.sent().count() + a.received().count() + a.createdContracts()),
    TOTAL_ETHER_SENT("total Ether sent", "sum of ether sent", "ether", a -> a.sent().sum()),
    TOTAL_ETHER_RECEIVED("total ether received", "sum of ether received", "ether", a -> a.received().sum()),
    TOTAL_ETHER_SENT_CONTRACTS("total ether sent contracts", "sum of ether sent to contracts", "ether", a -> a.sentToContract().sum()),
    TOTAL_ETHER_BALANCE("total ether balance", "ether received - ether sent (fees not counted)", "ether",
            a -> a.received().sum() - a.sent().sum()),
    ERC20_TRANSFERS(" Total ERC20 tnxs", "ERC-20 transfers sent or received", "count",
            a -> a.tokenSent().count() + a.tokenReceived().count()),
    ERC20_TOTAL_RECEIVED(" ERC20 total Ether received", "sum of token amounts received", "token", a -> a.tokenReceived().sum()),
    ERC20_TOTAL_SENT(" ERC20 total ether sent", "sum of token amounts sent", "token", a -> a.tokenSent().sum()),
    ERC20_TOTAL_SENT_CONTRACT(" ERC20 total Ether sent contract", "sum of token amounts sent to a contract", "token",
            a -> a.tokenSentToContract().sum()),
    ERC20_UNIQUE_SENT_TO(" ERC20 uniq sent addr", "distinct recipients of tokens sent", "count", a -> a.tokenSentTo().count()),
    ERC20_UNIQUE_RECEIVED_FROM(" ERC20 uniq rec addr", "distinct senders of tokens received", "count",
            a -> a.tokenReceivedFrom().count()),
    ERC20_UNIQUE_SENT_TO_CONTRACT(" ERC20 uniq sent addr.1", "distinct contracts tokens were sent to (the source's second 'uniq sent addr' column, undocumented there)",
            "count", a -> a.tokenSentToContractAddresses().count()),
    ERC20_UNIQUE_RECEIVED_CONTRACT(" ERC20 uniq rec contract addr", "distinct token contracts received", "count",
            a -> a.tokensReceived().count()),
    ERC20_AVG_MIN_BETWEEN_SENT(" ERC20 avg time between sent tnx", "average time between token transfers sent (0 in every source row)", "min",
            a -> a.tokenSent().averageGapMinutes()),
    ERC20_AVG_MIN_BETWEEN_RECEIVED(" ERC20 avg time between rec tnx", "average time between token transfers received (0 in every source row)", "min",
            a -> a.tokenReceived().averageGapMinutes()),
    ERC20_AVG_MIN_BETWEEN_RECEIVED_2(" ERC20 avg time between rec 2 tnx", "the source's second received-interval column (0 in every source row)", "min",
            a -> a.tokenReceived().averageGapMinutes()),
    ERC20_AVG_MIN_BETWEEN_CONTRACT(" ERC20 avg time between contract tnx", "average time between token transfers to a contract (0 in every source row)", "min",
            a -> a.tokenSentToContract().averageGapMinutes()),
    ERC20_MIN_RECEIVED(" ERC20 min val rec", "smallest token amount received", "token", a -> a.tokenReceived().min()),
    ERC20_MAX_RECEIVED(" ERC20 max val rec", "largest token amount received", "token", a -> a.tokenReceived().max()),
    ERC20_AVG_RECEIVED(" ERC20 avg val rec", "mean token amount received", "token", a -> a.tokenReceived().average()),
    ERC20_MIN_SENT(" ERC20 min val sent", "smallest token amount sent", "token", a -> a.tokenSent().min()),
    ERC20_MAX_SENT(" ERC20 max val sent", "largest token amount sent", "token", a -> a.tokenSent().max()),
    ERC20_AVG_SENT(" ERC20 avg val sent", "mean token amount sent", "token", a -> a.tokenSent().average()),
    ERC20_MIN_SENT_CONTRACT(" ERC20 min val sent contract", "smallest token amount sent to a contract (0 in every source row)", "token",
            a -> a.tokenSentToContract().min()),
    ERC20_MAX_SENT_CONTRACT(" ERC20 max val sent contract", "largest token amount sent to a contract (0 in every source row)", "token",
            a -> a.tokenSentToContract().max()),
    ERC20_AVG_SENT_CONTRACT(" ERC20 avg val sent contract", "mean token amount sent to a contract (0 in every source row)", "token",
            a -> a.tokenSentToContract().average()),
    ERC20_UNIQUE_SENT_TOKENS(" ERC20 uniq sent token name", "distinct tokens sent", "count", a -> a.tokensSent().count()),
    ERC20_UNIQUE_RECEIVED_TOKENS(" ERC20 uniq rec token name", "distinct tokens received", "count", a -> a.tokensReceived().count()),
    /** Categorical (a token name): blank for 2,032 illicit rows, {@code 0} for normal ones; not a model input. */
    ERC20_MOST_SENT_TOKEN("ERC20 most sent token type", "name of the token sent most often (categorical; not a model input)", "name", null),
    /** Categorical (a token name); not a model input. */
    ERC20_MOST_RECEIVED_TOKEN("ERC20_most_rec_token_type", "name of the token received most often (categorical; not a model input)", "name", null);

    /** The numeric features the model reads, in vector order (45: the two token-name columns are left out). */
    public static final List<WalletFeature> MODEL_INPUTS = Arrays.stream(values()).filter(WalletFeature::isModelInput).toList();

    /** The features of the ERC-20 block (the columns the source left blank for addresses without ERC-20 activity). */
    public static final List<WalletFeature> ERC20 = Arrays.stream(values()).filter(WalletFeature::isErc20).toList();

    /**
     * Identifies this list of definitions: a model records it and the stream refuses a model of another one.
     * Changes when a name, definition or unit of a model input changes.
     */
    public static final String VERSION = "farrugia47-" + digest();

    private final String column;
    private final String definition;
    private final String unit;
    private final ToDoubleFunction<WalletActivity> compute;

    WalletFeature(final String column, final String definition, final String unit, final ToDoubleFunction<WalletActivity> compute) {
        this.column = column;
        this.definition = definition;
        this.unit = unit;
        this.compute = compute;
    }

    /** The column header in the labelled CSV, exactly (leading and trailing spaces included). */
    public String column() {
        return column;
    }

    public String definition() {
        return definition;
    }

    public String unit() {
        return unit;
    }

    /** The name the model knows this feature by: the column, trimmed. */
    public String featureName() {
        return column.strip();
    }

    public boolean isModelInput() {
        return compute != null;
    }

    public boolean isErc20() {
        return column.toUpperCase(java.util.Locale.ROOT).contains("ERC20");
    }

    /** This feature of an address's activity; only for {@linkplain #isModelInput() model inputs}. */
    public double of(final WalletActivity activity) {
        if (compute == null) {
            throw new IllegalStateException(name() + " is categorical and not computed");
        }
        return compute.applyAsDouble(activity);
    }

    /** The model's input vector of an activity, in {@link #MODEL_INPUTS} order. */
    public static double[] vector(final WalletActivity activity) {
        final double[] vector = new double[MODEL_INPUTS.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = MODEL_INPUTS.get(i).of(activity);
        }
        return vector;
    }

    private static String digest() {
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (final WalletFeature feature : values()) {
                if (feature.isModelInput()) {
                    sha.update((feature.featureName() + "|" + feature.definition + "|" + feature.unit + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
