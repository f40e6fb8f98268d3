package dev.soba.streams.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * A deterministic synthetic Ethereum chain: blocks of ETH transfers, ERC-20 transfers and
 * Uniswap-V2 swaps among a fixed population of traders, rendered exactly as ethereum-etl's stream
 * items. Reserves, balances and nonces carry over from block to block, so prices evolve.
 *
 * <p>The {@link Scenario} says who else is on it. {@link Scenario#MARKET} makes it the market
 * simulator: SushiSwap pools beside Uniswap's, the call trace of every transaction, sandwich and
 * arbitrage searchers, phishing drains, exchange ticks that follow the pools, and the ground truth
 * of every sandwich, arbitrage and drain it injected ({@link SyntheticBlock#groundTruth()}).
 *
 * <p>Two layers of determinism. Identities are pure functions of (seed, block number): the
 * block hash, the parent hash, transaction hashes, the block's random draws (how many
 * transactions, who sends them), the reference prices traders lean towards; so a restart that
 * regenerates a height yields the same block and transaction hashes, which the pipeline drops
 * as duplicates. The economy (reserves, balances, nonces) starts from the seed's genesis at
 * {@code startBlockNumber}, so the whole sequence is reproducible for a (seed, start) pair, and
 * amounts after a restart follow the fresh economy.
 *
 * <p>Not thread-safe: one producer thread drives it.
 */
public final class SyntheticChain {

    public static final long GAS_LIMIT = 30_000_000L;
    public static final long MAINNET_SECONDS_PER_BLOCK = 12;
    private static final String ZERO_HASH = "0x" + "0".repeat(64);
    private static final String EXTRA_DATA = Numeric.toHexString("soba-demo".getBytes(StandardCharsets.US_ASCII));
    private static final int BUILDERS = 4;
    private static final int WITHDRAWALS_PER_BLOCK = 16;
    private static final int VALIDATORS = 950_000;
    private static final int WITHDRAWAL_ADDRESSES = 500;
    private static final long GWEI = 1_000_000_000L;
    /** Rough RLP sizes, so {@code size} grows with the contents like a real block's does. */
    private static final long HEADER_BYTES = 620;
    private static final long TRANSACTION_OVERHEAD_BYTES = 115;
    private static final long WITHDRAWAL_BYTES = 30;

    private final long seed;
    private final long startBlockNumber;
    private final long startTimestamp;
    private final long secondsPerBlock;
    private final Scenario scenario;
    private final Economy economy;
    private final ReferencePrices referencePrices;
    private final MarketActors actors;
    /** What the first block links to: the head of the chain it continues, or this seed's own block before it. */
    private final String firstParentHash;
    private long nextNumber;

    /** A chain with mainnet's 12-second slots. */
    public SyntheticChain(final long seed, final long startBlockNumber, final long startTimestampSeconds) {
        this(seed, startBlockNumber, startTimestampSeconds, MAINNET_SECONDS_PER_BLOCK);
    }

    /** A chain whose timestamps advance {@code secondsPerBlock} per block, e.g. to follow a faster wall clock. */
    public SyntheticChain(final long seed, final long startBlockNumber, final long startTimestampSeconds,
                          final long secondsPerBlock) {
        this(seed, startBlockNumber, startTimestampSeconds, secondsPerBlock, Scenario.PLAIN);
    }

    /** A chain of the given scenario; {@link Scenario#MARKET} is the market simulator. */
    public SyntheticChain(final long seed, final long startBlockNumber, final long startTimestampSeconds,
                          final long secondsPerBlock, final Scenario scenario) {
        this(seed, startBlockNumber, startTimestampSeconds, secondsPerBlock, scenario,
                startBlockNumber == 0 ? ZERO_HASH : blockHash(seed, startBlockNumber - 1));
    }

    /**
     * A chain that continues an existing one: its first block's parent is {@code firstParentHash} (the
     * existing head's hash), so the two segments link.
     */
    public SyntheticChain(final long seed, final long startBlockNumber, final long startTimestampSeconds,
                          final long secondsPerBlock, final Scenario scenario, final String firstParentHash) {
        if (startBlockNumber < 0 || startTimestampSeconds < 0 || secondsPerBlock < 1) {
            throw new IllegalArgumentException("start block and timestamp must be >= 0 and seconds per block >= 1");
        }
        this.seed = seed;
        this.startBlockNumber = startBlockNumber;
        this.startTimestamp = startTimestampSeconds;
        this.secondsPerBlock = secondsPerBlock;
        this.scenario = scenario;
        this.firstParentHash = Objects.requireNonNull(firstParentHash, "firstParentHash");
        this.economy = Economy.genesis(seed, scenario);
        this.referencePrices = new ReferencePrices(seed, economy.pairs());
        this.actors = scenario.hasActors() ? new MarketActors(seed, scenario, economy) : null;
        this.nextNumber = startBlockNumber;
    }

    /** The hash of block {@code number} of the chain with {@code seed}: pure, so restarts agree with earlier runs. */
    public static String blockHash(final long seed, final long number) {
        return LabelledHash.hex("block", seed, number);
    }

    public long nextBlockNumber() {
        return nextNumber;
    }

    /** The pools as they are now; the records are immutable snapshots. */
    public List<ConstantProductPair> pairs() {
        return economy.pairs();
    }

    public List<Erc20Token> tokens() {
        return MarketGenesis.TOKENS;
    }

    public List<String> traders() {
        return economy.traders();
    }

    /** The searchers' contracts, the addresses MEV findings name: sandwich searchers first, then arbitrage ones. */
    public List<String> searcherContracts() {
        if (actors == null) {
            return List.of();
        }
        final List<String> contracts = new ArrayList<>();
        actors.sandwiches().searchers().forEach(s -> contracts.add(s.contract()));
        actors.arbitrages().searchers().forEach(s -> contracts.add(s.contract()));
        return List.copyOf(contracts);
    }

    /** The live world state; package-private, for tests that check the emitted items against it. */
    Economy economy() {
        return economy;
    }

    /** The phishing-drain wallets. */
    public List<String> drainWallets() {
        return actors == null ? List.of() : actors.drains().wallets();
    }

    public SyntheticBlock nextBlock() {
        final long number = nextNumber;
        final long timestamp = startTimestamp + (number - startBlockNumber) * secondsPerBlock;
        final SplittableRandom rng = new SplittableRandom(LabelledHash.seed("block-draws", seed, number));
        final long baseFee = baseFeePerGas(number, rng);
        final BlockBuilder builder = new BlockBuilder(seed, number, timestamp, baseFee, economy, rng);
        final List<Action> retail = RetailTraders.actionsFor(rng, economy, referencePrices, number);
        final List<GroundTruth> truth;
        if (actors == null) {
            retail.forEach(builder::include);
            truth = List.of();
        } else {
            truth = actors.play(builder, retail,
                    new SplittableRandom(LabelledHash.seed("actor-draws", seed, number)));
        }
        if (builder.gasUsed() > GAS_LIMIT) {
            throw new IllegalStateException("block " + number + " uses " + builder.gasUsed() + " gas, above the limit");
        }
        final List<MinedTransaction> transactions = builder.transactions();
        final List<MinedLog> logs = builder.logs();
        final BlockHeader header = header(number, timestamp, baseFee, transactions, logs, builder.gasUsed(), rng);
        final List<ObjectNode> ticks = scenario.ticks()
                ? ExchangeTicks.forBlock(seed, number, timestamp, secondsPerBlock, economy) : List.of();
        nextNumber++;
        return render(header, transactions, logs, scenario.traces(), ticks, truth);
    }

    /**
     * A slow tide between about 6 and 22 gwei plus noise, a pure function of the height. The
     * EIP-1559 update rule is not applied: blocks this empty would drive it to zero.
     */
    private static long baseFeePerGas(final long number, final SplittableRandom rng) {
        final double tide = StrictMath.sin(2 * StrictMath.PI * (number % 1_800) / 1_800.0);
        final long fee = (long) ((14 + 8 * tide) * GWEI) + rng.nextLong(-GWEI / 2, GWEI / 2);
        return Math.max(GWEI, fee);
    }

    private BlockHeader header(final long number, final long timestamp, final long baseFee,
                               final List<MinedTransaction> transactions, final List<MinedLog> logs,
                               final long gasUsed, final SplittableRandom rng) {
        final List<BlockHeader.Withdrawal> withdrawals = withdrawals(number, rng);
        final List<LogEntry> entries = logs.stream().map(MinedLog::entry).toList();
        final String bloom = LogsBloom.of(entries);
        final ByteArrayOutputStream txHashes = new ByteArrayOutputStream();
        transactions.forEach(tx -> txHashes.writeBytes(Numeric.hexStringToByteArray(tx.hash())));
        final ByteArrayOutputStream receipts = new ByteArrayOutputStream();
        receipts.writeBytes(txHashes.toByteArray());
        receipts.writeBytes(Numeric.hexStringToByteArray(bloom));
        receipts.writeBytes(BigInteger.valueOf(gasUsed).toByteArray());
        final ByteArrayOutputStream withdrawn = new ByteArrayOutputStream();
        withdrawals.forEach(w -> withdrawn.writeBytes(
                LabelledHash.of("withdrawal", w.index(), w.validatorIndex(), w.amount())));
        final long size = HEADER_BYTES + WITHDRAWAL_BYTES * withdrawals.size() + transactions.stream()
                .mapToLong(tx -> TRANSACTION_OVERHEAD_BYTES + (tx.call().input().length() - 2) / 2).sum();
        return new BlockHeader(number, blockHash(seed, number),
                number == startBlockNumber ? firstParentHash : blockHash(seed, number - 1),
                bloom,
                Numeric.toHexString(Hash.sha3(txHashes.toByteArray())),
                LabelledHash.hex("state", seed, number),
                Numeric.toHexString(Hash.sha3(receipts.toByteArray())),
                LabelledHash.address("builder", seed, rng.nextInt(BUILDERS)),
                size, EXTRA_DATA, GAS_LIMIT, gasUsed, timestamp, transactions.size(), baseFee,
                Numeric.toHexString(Hash.sha3(withdrawn.toByteArray())), withdrawals);
    }

    /** The beacon chain sweeps validators in order, 16 per block; indexes are a pure function of the height. */
    private List<BlockHeader.Withdrawal> withdrawals(final long number, final SplittableRandom rng) {
        final List<BlockHeader.Withdrawal> withdrawals = new ArrayList<>(WITHDRAWALS_PER_BLOCK);
        for (int i = 0; i < WITHDRAWALS_PER_BLOCK; i++) {
            final long index = number * WITHDRAWALS_PER_BLOCK + i;
            final long validator = index % VALIDATORS;
            withdrawals.add(new BlockHeader.Withdrawal(index, validator,
                    LabelledHash.address("withdrawal-credentials", seed, validator % WITHDRAWAL_ADDRESSES),
                    rng.nextLong(12_000_000, 20_000_000)));
        }
        return withdrawals;
    }

    private static SyntheticBlock render(final BlockHeader header, final List<MinedTransaction> transactions,
                                         final List<MinedLog> logs, final boolean traces, final List<ObjectNode> ticks,
                                         final List<GroundTruth> truth) {
        final List<ObjectNode> transactionItems = transactions.stream()
                .map(tx -> EthereumEtlItems.transaction(header, tx)).toList();
        final List<ObjectNode> logItems = logs.stream().map(log -> EthereumEtlItems.log(header, log)).toList();
        final List<ObjectNode> transferItems = logs.stream()
                .flatMap(log -> EthereumEtlItems.tokenTransfer(header, log).stream()).toList();
        final List<ObjectNode> traceItems = new ArrayList<>();
        if (traces) {
            for (final MinedTransaction tx : transactions) {
                traceItems.addAll(EthereumEtlItems.traces(header, tx, traceItems.size()));
            }
        }
        return new SyntheticBlock(EthereumEtlItems.block(header), transactionItems, logItems, transferItems, traceItems,
                ticks, truth);
    }
}
