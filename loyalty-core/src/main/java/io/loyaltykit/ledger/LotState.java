package io.loyaltykit.ledger;

/**
 * A lot and how much has been drawn from it so far.
 *
 * @param lot   the lot
 * @param drawn points drawn
 */
public record LotState(PointsLot lot, long drawn) {
    /** Points left in the lot. */
    public long remaining() {
        return lot.points() - drawn;
    }
}
