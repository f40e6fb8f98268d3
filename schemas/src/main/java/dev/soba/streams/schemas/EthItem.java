package dev.soba.streams.schemas;

import java.util.Optional;
import java.util.OptionalLong;

/** An item of ethereum-etl's stream output. */
public sealed interface EthItem extends Item permits Block, Transaction, LogItem, TokenTransfer, Trace, Contract, Token {

    /** The block this item belongs to, when the producer said (older contract items do not). */
    OptionalLong blockNumberIfKnown();

    /** The hash of the block this item belongs to, when the producer said. */
    Optional<String> blockHashIfKnown();
}
