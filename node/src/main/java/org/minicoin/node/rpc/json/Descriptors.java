package org.minicoin.node.rpc.json;

import java.util.List;
import java.util.Optional;
import org.minicoin.consensus.address.Address;
import org.minicoin.consensus.crypto.PublicKey;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.node.policy.ScriptSolver;
import org.minicoin.node.policy.ScriptType;

/**
 * Output descriptors as Core infers them from a script when it knows no keys or scripts behind it (InferDescriptor
 * with DUMMY_SIGNING_PROVIDER, script/descriptor.cpp), and the descriptor checksum (BIP-0380). This is the
 * {@code desc} field of every {@code scriptPubKey} object.
 */
public final class Descriptors {
    private Descriptors() {
    }

    /**
     * The descriptor Core infers for an output script, with its checksum: {@code pk(KEY)} for P2PK,
     * {@code multi(M,KEY,...)} for bare multisig, {@code rawtr(XONLY)} for a Taproot output whose key is on the
     * curve, {@code addr(ADDRESS)} for anything else with an address and {@code raw(HEX)} for the rest. Keys in
     * the hybrid encoding (06/07) make no key expression, so such scripts fall back to {@code raw}, as in Core.
     */
    public static String infer(byte[] scriptPubKey, ChainParams params) {
        return addChecksum(inferWithoutChecksum(scriptPubKey, params));
    }

    /**
     * Core's InferScript at the top level for a P2WSH output whose witness script is known, as decodescript's
     * {@code segwit} object has it: {@code wsh(multi(...))} for a multisig witness script of compressed keys, and
     * the output's {@code addr(...)} otherwise.
     *
     * <p>Core also tries to read other witness scripts as Miniscript and would show {@code wsh(and_v(...))} for
     * one that is sane Miniscript; that is not implemented, so such scripts get {@code addr(...)} here.
     */
    static String inferP2wsh(byte[] p2wshScriptPubKey, byte[] witnessScript, ChainParams params) {
        ScriptSolver.Solution inner = ScriptSolver.solve(witnessScript);
        if (inner.type() == ScriptType.MULTISIG) {
            Optional<String> multi = multi(inner, true);
            if (multi.isPresent()) {
                return addChecksum("wsh(" + multi.get() + ")");
            }
        }
        return infer(p2wshScriptPubKey, params);
    }

    private static String inferWithoutChecksum(byte[] script, ChainParams params) {
        ScriptSolver.Solution solution = ScriptSolver.solve(script);
        List<byte[]> data = solution.solutions();
        switch (solution.type()) {
            case PUBKEY -> {
                if (isValidNonHybrid(data.get(0))) {
                    return "pk(" + Hex.encode(data.get(0)) + ")";
                }
            }
            case MULTISIG -> {
                Optional<String> multi = multi(solution, false);
                if (multi.isPresent()) {
                    return multi.get();
                }
            }
            case WITNESS_V1_TAPROOT -> {
                if (isValidXOnly(data.get(0))) {
                    return "rawtr(" + Hex.encode(data.get(0)) + ")";
                }
            }
            default -> {
                // Everything else is an address or raw bytes.
            }
        }
        // Core's AddressDescriptor applies when the destination's script is this script; for every template
        // Address knows, rebuilding it gives the same bytes.
        return Address.fromScriptPubKey(script, params).map(a -> "addr(" + a + ")")
                .orElseGet(() -> "raw(" + Hex.encode(script) + ")");
    }

    /** Core's MultisigDescriptor; inside P2WSH (Core's InferPubkey) only compressed keys are allowed. */
    private static Optional<String> multi(ScriptSolver.Solution solution, boolean compressedOnly) {
        List<byte[]> data = solution.solutions();
        StringBuilder s = new StringBuilder("multi(").append(solution.requiredSigs());
        for (byte[] key : data.subList(1, data.size() - 1)) {
            if (!isValidNonHybrid(key) || (compressedOnly && key.length != PublicKey.COMPRESSED_SIZE)) {
                return Optional.empty();
            }
            s.append(',').append(Hex.encode(key));
        }
        return Optional.of(s.append(')').toString());
    }

    /**
     * Core's CPubKey::IsValidNonHybrid: the prefix is 02, 03 or 04. The point is not checked; the Solver has
     * already matched the length to the prefix.
     */
    private static boolean isValidNonHybrid(byte[] key) {
        return key.length > 0 && (key[0] == 2 || key[0] == 3 || key[0] == 4);
    }

    /** Core's XOnlyPubKey::IsFullyValid: some point on the curve has this x coordinate. */
    private static boolean isValidXOnly(byte[] x) {
        if (x.length != 32) {
            return false;
        }
        byte[] compressed = new byte[PublicKey.COMPRESSED_SIZE];
        compressed[0] = 2;
        System.arraycopy(x, 0, compressed, 1, x.length);
        return PublicKey.isFullyValid(compressed);
    }

    /** {@code descriptor#checksum} (Core's AddChecksum). */
    public static String addChecksum(String descriptor) {
        return descriptor + "#" + checksum(descriptor);
    }

    /**
     * The eight-character checksum of a descriptor without its {@code #} part (Core's DescriptorChecksum,
     * BIP-0380): a BCH code over the characters' positions in groups of 32, plus a symbol per three characters for
     * their groups.
     *
     * @throws IllegalArgumentException if the text has a character outside the descriptor alphabet; Core's
     *                                  message for that is "Invalid characters in payload"
     */
    public static String checksum(String descriptor) {
        try {
            return org.minicoin.consensus.descriptor.Descriptor.checksum(descriptor);
        } catch (org.minicoin.consensus.descriptor.DescriptorException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
