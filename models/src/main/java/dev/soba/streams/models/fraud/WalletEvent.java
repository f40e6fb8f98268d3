package dev.soba.streams.models.fraud;

import dev.soba.streams.schemas.TokenTransfer;
import dev.soba.streams.schemas.Transaction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One transfer as seen from one address: what {@link WalletActivity} adds up. Made from an
 * ethereum-etl transaction or token transfer by {@link #of(Transaction)} / {@link #of(TokenTransfer)},
 * the one place that decides what a transfer means for the features (stream and batch alike).
 *
 * @param address       the address whose activity this is (lower case)
 * @param kind          sent, received, contract created, token sent, token received
 * @param counterparty  the other side (lower case; the created contract for a creation)
 * @param amount        ether, or token units / 10^18
 * @param time          block timestamp, epoch seconds
 * @param toContract    a transaction with call data, or a token transfer to the token contract itself
 * @param token         the token contract (token transfers only, else null)
 */
public record WalletEvent(
        String address,
        Kind kind,
        String counterparty,
        double amount,
        long time,
        boolean toContract,
        String token,
        long blockNumber,
        String blockHash,
        String transactionHash) {

    /** What the transfer is for {@link #address()}. */
    public enum Kind { SENT, RECEIVED, CREATED_CONTRACT, TOKEN_SENT, TOKEN_RECEIVED }

    private static final BigDecimal WEI_PER_UNIT = BigDecimal.TEN.pow(18);

    /** The sender's and the recipient's view of a transaction (one event for a self-transfer's each side). */
    public static List<WalletEvent> of(final Transaction tx) {
        final String from = lower(tx.fromAddress());
        final String to = lower(tx.toAddress());
        final double ether = units(tx.value());
        final long time = tx.blockTimestamp() == null ? 0 : tx.blockTimestamp();
        final long block = tx.blockNumber() == null ? 0 : tx.blockNumber();
        final List<WalletEvent> events = new ArrayList<>(2);
        if (to == null) {
            final String created = lower(tx.receiptContractAddress());
            events.add(new WalletEvent(from, Kind.CREATED_CONTRACT, created == null ? "" : created, ether, time, false, null,
                    block, tx.blockHash(), tx.hash()));
            return events;
        }
        final boolean call = tx.input() != null && tx.input().length() > 2;
        events.add(new WalletEvent(from, Kind.SENT, to, ether, time, call, null, block, tx.blockHash(), tx.hash()));
        events.add(new WalletEvent(to, Kind.RECEIVED, from, ether, time, false, null, block, tx.blockHash(), tx.hash()));
        return events;
    }

    /** The sender's and the recipient's view of a token transfer. */
    public static List<WalletEvent> of(final TokenTransfer transfer) {
        final String from = lower(transfer.fromAddress());
        final String to = lower(transfer.toAddress());
        final String token = lower(transfer.tokenAddress());
        final double amount = units(transfer.value());
        final long time = transfer.blockTimestamp() == null ? 0 : transfer.blockTimestamp();
        final long block = transfer.blockNumber() == null ? 0 : transfer.blockNumber();
        final boolean toContract = to != null && to.equals(token);
        return List.of(
                new WalletEvent(from, Kind.TOKEN_SENT, to, amount, time, toContract, token, block,
                        transfer.blockHash(), transfer.transactionHash()),
                new WalletEvent(to, Kind.TOKEN_RECEIVED, from, amount, time, false, token, block,
                        transfer.blockHash(), transfer.transactionHash()));
    }

    private static double units(final BigInteger raw) {
        return raw == null ? 0 : new BigDecimal(raw).divide(WEI_PER_UNIT).doubleValue();
    }

    private static String lower(final String address) {
        return address == null ? null : address.toLowerCase(Locale.ROOT);
    }
}
