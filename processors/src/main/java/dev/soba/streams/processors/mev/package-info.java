/**
 * MEV detection, pure (no Kafka): mev-inspect-py's ladder, block by block.
 *
 * <h2>Entry point</h2>
 * {@link dev.soba.streams.processors.mev.MevInspector#inspect MevInspector.standard().inspect(BlockInput)} returns a
 * {@link dev.soba.streams.processors.mev.BlockAnalysis} (the block's classified swaps and its findings, in the one
 * finding format {@code dev.soba.streams.schemas.mev.MevFinding}). A {@link dev.soba.streams.processors.mev.BlockInput}
 * is a block's ethereum-etl trace items ({@code ofTraces}, with its transactions when present) or, when the node
 * served no traces, its log items ({@code ofLogs}, with what the pool registry knows). Files of either format
 * become inputs with {@code BlockFiles.read} and {@link dev.soba.streams.processors.mev.BlockInputs}.
 *
 * <h2>The ladder</h2>
 * <ol>
 *   <li>{@code calls}: traces to calls in block order; a call under a failed call failed too, with its error.</li>
 *   <li>{@code calls} + {@code specs}: each call is classified by the first spec of the registry
 *       ({@code ProtocolSpecs.ALL}, mev-inspect-py's specs as data) that applies to the contract and decodes the
 *       call data (web3j, canonical encoding required): ERC-20 transfers, swaps (Uniswap V2/V3, Curve, Balancer v1,
 *       0x native orders, Bancor), liquidations (Aave v1/v2, Compound v2, CREAM, Iron Bank), seizures, Uniswap V3
 *       mints and burns.</li>
 *   <li>{@code flows}: token and plain ETH transfers; swaps read from the transfers around each swap call by the
 *       spec's rule. Without traces, swaps come from Uniswap V2/V3 Swap events and the Transfer events beside them.</li>
 *   <li>{@code detectors}: sandwiches, atomic arbitrage, liquidations, JIT liquidity (each class states its rule).</li>
 * </ol>
 *
 * <h2>Known limits</h2>
 * <ul>
 *   <li>Only the protocols of the registry are seen: a swap on another DEX (Curve's newer pools, Balancer v2,
 *       DODO, …) is invisible, so a sandwich or arbitrage through it is missed or cut short — the same coverage as
 *       mev-inspect-py, whose swap counts these rungs reproduce.</li>
 *   <li>Profits are in raw token units of one token: no prices, so no USD and no gas costs; liquidations and JIT
 *       liquidity (two tokens each) carry their amounts and a null profit.</li>
 *   <li>A sandwich routed through several pools is reported on the hop whose output reaches the sandwicher,
 *       with the profit in that hop's input token.</li>
 *   <li>Without traces only swap-based MEV is found (sandwiches, arbitrage), only on Uniswap V2/V3-style pools,
 *       and a swap whose tokens neither the registry nor the Transfer logs tell is skipped.</li>
 *   <li>0x order fills are read as mev-inspect-py reads them (token in = the maker token), which its published
 *       test values fix.</li>
 * </ul>
 */
package dev.soba.streams.processors.mev;
