package dev.soba.streams.models.fraud;

/**
 * Everything the 47 features of one address are computed from, kept incrementally: one
 * {@link #plus(WalletEvent)} per transfer, in any order, with bounded memory (distinct counts are
 * {@link DistinctSketch}es). {@link WalletFeature#vector(WalletActivity)} turns it into the model's input.
 */
public record WalletActivity(
        ValueStats sent,
        ValueStats received,
        ValueStats sentToContract,
        long createdContracts,
        long firstTime,
        long lastTime,
        DistinctSketch sentTo,
        DistinctSketch receivedFrom,
        ValueStats tokenSent,
        ValueStats tokenReceived,
        ValueStats tokenSentToContract,
        DistinctSketch tokenSentTo,
        DistinctSketch tokenReceivedFrom,
        DistinctSketch tokenSentToContractAddresses,
        DistinctSketch tokensSent,
        DistinctSketch tokensReceived) {

    private static final WalletActivity EMPTY = new WalletActivity(ValueStats.empty(), ValueStats.empty(), ValueStats.empty(),
            0, 0, 0, DistinctSketch.empty(), DistinctSketch.empty(), ValueStats.empty(), ValueStats.empty(), ValueStats.empty(),
            DistinctSketch.empty(), DistinctSketch.empty(), DistinctSketch.empty(), DistinctSketch.empty(), DistinctSketch.empty());

    public static WalletActivity empty() {
        return EMPTY;
    }

    /** The activity of the events, added in the given order. */
    public static WalletActivity of(final Iterable<WalletEvent> events) {
        WalletActivity activity = EMPTY;
        for (final WalletEvent event : events) {
            activity = activity.plus(event);
        }
        return activity;
    }

    public WalletActivity plus(final WalletEvent e) {
        return switch (e.kind()) {
            case SENT -> etherTouched(e.time(), new WalletActivity(sent.plus(e.amount(), e.time()), received,
                    e.toContract() ? sentToContract.plus(e.amount(), e.time()) : sentToContract, createdContracts, firstTime, lastTime,
                    sentTo.with(e.counterparty()), receivedFrom, tokenSent, tokenReceived, tokenSentToContract, tokenSentTo,
                    tokenReceivedFrom, tokenSentToContractAddresses, tokensSent, tokensReceived));
            case RECEIVED -> etherTouched(e.time(), new WalletActivity(sent, received.plus(e.amount(), e.time()), sentToContract,
                    createdContracts, firstTime, lastTime, sentTo, receivedFrom.with(e.counterparty()), tokenSent, tokenReceived,
                    tokenSentToContract, tokenSentTo, tokenReceivedFrom, tokenSentToContractAddresses, tokensSent, tokensReceived));
            case CREATED_CONTRACT -> etherTouched(e.time(), new WalletActivity(sent, received, sentToContract, createdContracts + 1,
                    firstTime, lastTime, sentTo, receivedFrom, tokenSent, tokenReceived, tokenSentToContract, tokenSentTo,
                    tokenReceivedFrom, tokenSentToContractAddresses, tokensSent, tokensReceived));
            case TOKEN_SENT -> new WalletActivity(sent, received, sentToContract, createdContracts, firstTime, lastTime, sentTo,
                    receivedFrom, tokenSent.plus(e.amount(), e.time()), tokenReceived,
                    e.toContract() ? tokenSentToContract.plus(e.amount(), e.time()) : tokenSentToContract,
                    tokenSentTo.with(e.counterparty()), tokenReceivedFrom,
                    e.toContract() ? tokenSentToContractAddresses.with(e.counterparty()) : tokenSentToContractAddresses,
                    tokensSent.with(e.token()), tokensReceived);
            case TOKEN_RECEIVED -> new WalletActivity(sent, received, sentToContract, createdContracts, firstTime, lastTime, sentTo,
                    receivedFrom, tokenSent, tokenReceived.plus(e.amount(), e.time()), tokenSentToContract, tokenSentTo,
                    tokenReceivedFrom.with(e.counterparty()), tokenSentToContractAddresses, tokensSent, tokensReceived.with(e.token()));
        };
    }

    /** Any transaction at all (sent, received or a creation) counts for the first-to-last span. */
    private static WalletActivity etherTouched(final long time, final WalletActivity a) {
        final boolean first = a.sent.count() + a.received.count() + a.createdContracts == 1;
        return new WalletActivity(a.sent, a.received, a.sentToContract, a.createdContracts,
                first ? time : Math.min(a.firstTime, time), first ? time : Math.max(a.lastTime, time),
                a.sentTo, a.receivedFrom, a.tokenSent, a.tokenReceived, a.tokenSentToContract, a.tokenSentTo,
                a.tokenReceivedFrom, a.tokenSentToContractAddresses, a.tokensSent, a.tokensReceived);
    }

    public double firstToLastMinutes() {
        return (lastTime - firstTime) / 60.0;
    }

    /** Ether transactions of any kind (sent, received, creations). */
    public long transactions() {
        return sent.count() + received.count() + createdContracts;
    }

    /** True when the address has sent or received an ERC-20 token. */
    public boolean hasTokenActivity() {
        return tokenSent.count() + tokenReceived.count() > 0;
    }
}
