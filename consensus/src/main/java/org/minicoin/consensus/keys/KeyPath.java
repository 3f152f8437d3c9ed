package org.minicoin.consensus.keys;

import java.util.ArrayList;
import java.util.List;

/**
 * A BIP-0032 derivation path: child numbers from a key downwards, each with bit 31 set if hardened. Written as
 * {@code m/84h/1h/0h/0/5}; {@code '} and {@code h} both mark a hardened step (Core accepts both in descriptors).
 *
 * @param steps the child numbers, as unsigned 32-bit values stored in ints
 */
public record KeyPath(List<Integer> steps) {
    /** Bit 31: the child is derived from the private key alone (BIP-0032 "hardened"). */
    public static final int HARDENED = 0x80000000;
    /** The path of the key itself, {@code m}. */
    public static final KeyPath ROOT = new KeyPath(List.of());

    public KeyPath {
        steps = List.copyOf(steps);
    }

    /**
     * Reads {@code m/44'/0'/0'/0/7}, {@code m/84h/1h}, or the same without the leading {@code m}.
     *
     * @throws ExtendedKeyException for a step that is not a number below 2^31 with an optional {@code '} or
     *                              {@code h}, or an {@code m} anywhere but first
     */
    public static KeyPath parse(String path) {
        List<Integer> steps = new ArrayList<>();
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i == 0 && (parts[0].equals("m") || (parts[0].isEmpty() && parts.length == 1))) {
                continue;
            }
            steps.add(parseStep(parts[i]));
        }
        return new KeyPath(steps);
    }

    /**
     * One step, as Core's {@code ParseKeyPathNum} (script/descriptor.cpp): decimal digits only (no sign, no spaces),
     * at most 2^31 - 1, then an optional {@code '} or {@code h} for hardened.
     *
     * @throws ExtendedKeyException with Core's message: "Key path value '1a' is not a valid uint32" or
     *                              "Key path value 2147483648 is out of range"
     */
    public static int parseStep(String step) {
        boolean hardened = step.endsWith("'") || step.endsWith("h");
        String digits = hardened ? step.substring(0, step.length() - 1) : step;
        long value = parseUint32(digits);
        if (value < 0) {
            throw new ExtendedKeyException("Key path value '" + digits + "' is not a valid uint32");
        }
        if (value > Integer.MAX_VALUE) {
            throw new ExtendedKeyException("Key path value " + value + " is out of range");
        }
        return (int) value | (hardened ? HARDENED : 0);
    }

    /** Core's ToIntegral&lt;uint32_t&gt;: the value, or -1 if not only digits or above 2^32 - 1. */
    public static long parseUint32(String digits) {
        if (digits.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
            if (value > 0xffffffffL) {
                return -1;
            }
        }
        return value;
    }

    public static boolean isHardened(int childNumber) {
        return (childNumber & HARDENED) != 0;
    }

    /** This path followed by one more step. */
    public KeyPath child(int childNumber) {
        List<Integer> longer = new ArrayList<>(steps);
        longer.add(childNumber);
        return new KeyPath(longer);
    }

    /** This path followed by another. */
    public KeyPath append(KeyPath more) {
        List<Integer> longer = new ArrayList<>(steps);
        longer.addAll(more.steps);
        return new KeyPath(longer);
    }

    public int size() {
        return steps.size();
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Whether any step is hardened, so that only a private key can follow this path. */
    public boolean hasHardenedStep() {
        return steps.stream().anyMatch(KeyPath::isHardened);
    }

    /**
     * The steps as Core's {@code FormatHDKeypath} writes them, each as {@code /n} and hardened ones followed by
     * {@code '} or {@code h}; empty for the root.
     */
    public String format(boolean apostrophe) {
        StringBuilder sb = new StringBuilder();
        for (int step : steps) {
            sb.append('/').append(step & Integer.MAX_VALUE);
            if (isHardened(step)) {
                sb.append(apostrophe ? '\'' : 'h');
            }
        }
        return sb.toString();
    }

    /** {@code m/84h/1h/0h/0/5}, as Core's {@code WriteHDKeypath}. */
    @Override
    public String toString() {
        return "m" + format(false);
    }
}
