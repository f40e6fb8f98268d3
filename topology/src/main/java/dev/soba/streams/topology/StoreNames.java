package dev.soba.streams.topology;

/** The names of the state stores; the REST facade queries them by these names. */
public final class StoreNames {

    /** Canonical block per height: {@code Long} number → block. Partitioned by the block-number key. */
    public static final String BLOCKS = "blocks-by-number";
    /** Transaction by hash. */
    public static final String TRANSACTIONS = "transactions-by-hash";
    /** Recent transactions per address, newest first, bounded. */
    public static final String ADDRESS_TRANSACTIONS = "address-transactions";
    /** Identities seen within the de-duplication retention. */
    public static final String SEEN_ITEMS = "seen-items";
    /** Hashes of blocks replaced by a re-organisation, for the last reorg-depth heights. */
    public static final String ORPHANED_BLOCKS = "orphaned-blocks";
    /** Which transactions each recent block brought, so a re-organisation can retract them. */
    public static final String BLOCK_TRANSACTIONS = "block-transactions";

    /** V2 Swap and Sync logs waiting for each other (same transaction, either arrival order). */
    public static final String PENDING_V2_LOGS = "pending-v2-logs";
    /** Global: pool address → pool info, from the compacted pools topic. */
    public static final String POOLS = "pools-global";
    /** Global: token address → token metadata, from the compacted token registry. */
    public static final String TOKENS = "tokens-global";
    /** Swaps by pool, keys {@code pool|block|log index} in chain order. */
    public static final String SWAPS_BY_POOL = "swaps-by-pool";
    /** Each (pair, venue)'s event-time clock. */
    public static final String CANDLE_CLOCKS = "candle-clocks";
    /** Candle windows not final yet, ordered by window end. */
    public static final String CANDLE_OPEN_WINDOWS = "candle-open-windows";

    /** Blocks being assembled for MEV inspection: {@code Long} number → items so far, for the last keep-blocks heights. */
    public static final String MEV_ASSEMBLIES = "mev-block-assemblies";
    /** The items of the blocks being assembled, one entry each: {@code block|sequence} → item. */
    public static final String MEV_ASSEMBLY_ITEMS = "mev-block-items";
    /** Ranges of heights whose MEV assembly was analysed and let go (first height → last height). */
    public static final String MEV_FORGOTTEN = "mev-forgotten-blocks";
    /** MEV findings of a block: block number (the block partition key) → its current findings. */
    public static final String MEV_BY_BLOCK = "mev-by-block";
    /** MEV findings by searcher: {@code searcher|<block, 20 digits>|<tx hash>|<kind>} → finding. */
    public static final String MEV_BY_SEARCHER = "mev-by-searcher";

    /** Contract analysis per distinct code: code hash (0x…) → analysis (without address). */
    public static final String CONTRACT_ANALYSIS_BY_CODE = "contract-analysis-by-code";
    /** Contract analysis per contract: address → analysis. */
    public static final String CONTRACT_ANALYSIS = "contract-analysis";
    /** Counterparties per address (lower-case), bounded: top by edges, the rest counted. */
    public static final String COUNTERPARTIES = "address-counterparties";
    /** The value edges of the last reorg-depth heights, {@code <height>|<block hash>|<tx>|<log index>}, for retraction. */
    public static final String GRAPH_EDGE_JOURNAL = "graph-edge-journal";
    /** Fraud: per-address activity (settled aggregate + recent events), key lower-case address. */
    public static final String WALLET_ACTIVITY = "wallet-activity";
    /** Fraud: each address's current risk (score, reasons, model), key lower-case address. */
    public static final String WALLET_RISK = "wallet-risk";
    /** Fraud, global: the last activated model package (key "fraud"). */
    public static final String FRAUD_MODEL = "fraud-model";
    /** Fraud, global: labelled addresses, key lower-case address. */
    public static final String WALLET_LABELS = "wallet-labels";

    private StoreNames() {
    }
}
