package dev.soba.streams.models.fraud;

import java.util.Optional;

/**
 * One row of a labelled table in the source's layout: the address, its model inputs
 * ({@link WalletFeature#MODEL_INPUTS} order; blank ERC-20 cells read as zero activity) and, when the
 * table has a {@code FLAG}, whether it is illicit.
 *
 * @param erc20Blank the row's ERC-20 cells were blank (kept only to show what the blanks give away)
 */
public record LabelledWallet(String address, double[] features, Optional<Boolean> illicit, boolean erc20Blank) {
}
