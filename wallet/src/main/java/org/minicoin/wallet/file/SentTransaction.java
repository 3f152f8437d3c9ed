package org.minicoin.wallet.file;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Hash;

/**
 * A transaction this wallet sent, remembered for its history: the txid, when it was sent, the amount paid to the
 * destination (change excluded), the fee, the destination address, and the raw transaction so it can be shown or
 * rebroadcast. Immutable; the raw bytes are copied in and out.
 */
public record SentTransaction(Hash txid, Instant time, Amount amount, Amount fee, String address, byte[] raw) {
    /** @throws IllegalArgumentException if a field is missing or empty */
    public SentTransaction {
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fee, "fee");
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("the destination address is empty");
        }
        if (raw.length == 0) {
            throw new IllegalArgumentException("the raw transaction is empty");
        }
        raw = raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SentTransaction s && txid.equals(s.txid) && time.equals(s.time)
                && amount.equals(s.amount) && fee.equals(s.fee) && address.equals(s.address)
                && Arrays.equals(raw, s.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(txid, time, amount, fee, address, Arrays.hashCode(raw));
    }

    @Override
    public String toString() {
        return "SentTransaction[" + txid + " " + amount + " to " + address + ", fee " + fee + ", " + time + "]";
    }
}
