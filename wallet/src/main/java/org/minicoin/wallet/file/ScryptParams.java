package org.minicoin.wallet.file;

/**
 * scrypt cost parameters, stored beside every sealed secret so a file is opened with the parameters it was sealed
 * with. {@link #DEFAULT} is N=2^17, r=8, p=1: 128 MiB and about 0.8 s on a 2-core test machine, the "standard"
 * cost geth uses for keystores halved in time, a fair price for a once-per-command unlock.
 *
 * <p>The bounds are checked before any work: a damaged or hostile file must not make us allocate gigabytes
 * (scrypt needs 128·N·r bytes) or spin for hours.
 */
public record ScryptParams(int n, int r, int p) {
    /** The parameters new wallets are sealed with. */
    public static final ScryptParams DEFAULT = new ScryptParams(1 << 17, 8, 1);
    /** Upper bound on 128·N·r, the memory scrypt needs: 1 GiB (N=2^20 with r=8). */
    public static final long MAX_MEMORY_BYTES = 1L << 30;

    /** @throws IllegalArgumentException unless N is a power of two ≥ 2 and N, r, p are within the bounds */
    public ScryptParams {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("scrypt N must be a power of two of at least 2, got " + n);
        }
        if (r < 1 || r > 32) {
            throw new IllegalArgumentException("scrypt r must be in 1..32, got " + r);
        }
        if (p < 1 || p > 16) {
            throw new IllegalArgumentException("scrypt p must be in 1..16, got " + p);
        }
        if (128L * n * r > MAX_MEMORY_BYTES) {
            throw new IllegalArgumentException("scrypt N=" + n + ", r=" + r + " would need more than "
                    + (MAX_MEMORY_BYTES >> 20) + " MiB");
        }
    }
}
