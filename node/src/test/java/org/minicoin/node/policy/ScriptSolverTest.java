package org.minicoin.node.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minicoin.node.policy.PolicyFixtures.*;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.script.ScriptAsm;
import org.minicoin.consensus.script.Scripts;

/** Core's Solver, case by case; cases from Core's script_standard_tests.cpp and the edges of each template. */
class ScriptSolverTest {
    private static final int OP_2 = Opcodes.encodeSmallInt(2);

    private static ScriptType type(byte[] script) {
        return ScriptSolver.solve(script).type();
    }

    private static ScriptType type(String asm) {
        return type(ScriptAsm.parse(asm));
    }

    @Test
    void rpcNamesAreCores() {
        assertThat(Arrays.stream(ScriptType.values()).map(ScriptType::rpcName)).containsExactly(
                "nonstandard", "pubkey", "pubkeyhash", "scripthash", "multisig", "nulldata",
                "witness_v0_scripthash", "witness_v0_keyhash", "witness_v1_taproot", "anchor", "witness_unknown");
    }

    @Test
    void payToPubkeyHashGivesTheHash() {
        byte[] hash = Hashes.hash160(COMPRESSED_KEY);
        ScriptSolver.Solution s = ScriptSolver.solve(p2pkh(hash));
        assertThat(s.type()).isEqualTo(ScriptType.PUBKEYHASH);
        assertThat(s.solutions()).containsExactly(hash);
    }

    @Test
    void payToScriptHashGivesTheHash() {
        byte[] redeem = p2pkh();
        ScriptSolver.Solution s = ScriptSolver.solve(p2sh(redeem));
        assertThat(s.type()).isEqualTo(ScriptType.SCRIPTHASH);
        assertThat(s.solutions()).containsExactly(Hashes.hash160(redeem));
    }

    @Test
    void payToPubkeyAcceptsEveryValidKeySize() {
        for (byte[] key : List.of(key(33, 0x02), key(33, 0x03), key(65, 0x04), key(65, 0x06), key(65, 0x07))) {
            ScriptSolver.Solution s = ScriptSolver.solve(p2pk(key));
            assertThat(s.type()).as(Hex.encode(key)).isEqualTo(ScriptType.PUBKEY);
            assertThat(s.solutions()).containsExactly(key);
        }
    }

    @Test
    void payToPubkeyRejectsKeysWhosePrefixDisagreesWithTheirLength() {
        assertThat(type(p2pk(key(33, 0x04)))).isEqualTo(ScriptType.NONSTANDARD);
        assertThat(type(p2pk(key(65, 0x02)))).isEqualTo(ScriptType.NONSTANDARD);
        assertThat(type(p2pk(key(33, 0x05)))).isEqualTo(ScriptType.NONSTANDARD);
        assertThat(type(p2pk(filled(30, 0x01)))).isEqualTo(ScriptType.NONSTANDARD);
        // A 33-byte key pushed with OP_PUSHDATA1 is not the P2PK template (its first byte must be the length).
        byte[] pushdata1 = concat(ops(Opcodes.OP_PUSHDATA1, 33), COMPRESSED_KEY, ops(Opcodes.OP_CHECKSIG));
        assertThat(type(pushdata1)).isEqualTo(ScriptType.NONSTANDARD);
    }

    @Test
    void wronglySizedHashesAreNonstandard() {
        assertThat(type(concat(ops(Opcodes.OP_DUP, Opcodes.OP_HASH160), Scripts.push(COMPRESSED_KEY),
                ops(Opcodes.OP_EQUALVERIFY, Opcodes.OP_CHECKSIG)))).isEqualTo(ScriptType.NONSTANDARD);
        assertThat(type(concat(ops(Opcodes.OP_HASH160), Scripts.push(filled(21, 1)), ops(Opcodes.OP_EQUAL))))
                .isEqualTo(ScriptType.NONSTANDARD);
    }

    static Stream<Arguments> witnessPrograms() {
        return Stream.of(
                Arguments.of(0, 20, ScriptType.WITNESS_V0_KEYHASH),
                Arguments.of(0, 32, ScriptType.WITNESS_V0_SCRIPTHASH),
                Arguments.of(1, 32, ScriptType.WITNESS_V1_TAPROOT),
                // Version 0 programs of any other length can never be spent.
                Arguments.of(0, 2, ScriptType.NONSTANDARD),
                Arguments.of(0, 21, ScriptType.NONSTANDARD),
                Arguments.of(0, 31, ScriptType.NONSTANDARD),
                Arguments.of(0, 40, ScriptType.NONSTANDARD),
                // Other versions and lengths are reserved for upgrades.
                Arguments.of(1, 2, ScriptType.WITNESS_UNKNOWN),
                Arguments.of(1, 31, ScriptType.WITNESS_UNKNOWN),
                Arguments.of(1, 33, ScriptType.WITNESS_UNKNOWN),
                Arguments.of(2, 32, ScriptType.WITNESS_UNKNOWN),
                Arguments.of(16, 40, ScriptType.WITNESS_UNKNOWN));
    }

    @ParameterizedTest(name = "v{0} with {1} bytes is {2}")
    @MethodSource("witnessPrograms")
    void witnessProgramsByVersionAndLength(int version, int length, ScriptType expected) {
        byte[] program = filled(length, 0x5a);
        ScriptSolver.Solution s = ScriptSolver.solve(witnessProgram(version, program));
        assertThat(s.type()).isEqualTo(expected);
        if (expected == ScriptType.WITNESS_UNKNOWN) {
            assertThat(s.solutions()).containsExactly(new byte[] {(byte) version}, program);
        } else if (expected == ScriptType.NONSTANDARD) {
            assertThat(s.solutions()).isEmpty();
        } else {
            assertThat(s.solutions()).containsExactly(program);
        }
    }

    @Test
    void programsOutsideTwoToFortyBytesAreNotWitnessPrograms() {
        assertThat(type(witnessProgram(1, filled(1, 1)))).isEqualTo(ScriptType.NONSTANDARD);
        assertThat(type(witnessProgram(1, filled(41, 1)))).isEqualTo(ScriptType.NONSTANDARD);
        // A version byte that is not OP_0 or OP_1..OP_16.
        assertThat(type(concat(ops(Opcodes.OP_1NEGATE), Scripts.push(filled(20, 1))))).isEqualTo(ScriptType.NONSTANDARD);
    }

    @Test
    void payToAnchorIsExactlyVersionOneWith4e73() {
        ScriptSolver.Solution s = ScriptSolver.solve(Hex.decode("51024e73"));
        assertThat(s.type()).isEqualTo(ScriptType.ANCHOR);
        assertThat(s.solutions()).isEmpty();
        assertThat(type(Hex.decode("52024e73"))).isEqualTo(ScriptType.WITNESS_UNKNOWN);
        assertThat(type(Hex.decode("51024e74"))).isEqualTo(ScriptType.WITNESS_UNKNOWN);
    }

    @Test
    void nullDataIsOpReturnFollowedByPushesOnly() {
        assertThat(type("RETURN")).isEqualTo(ScriptType.NULL_DATA);
        assertThat(type(concat(ops(Opcodes.OP_RETURN), Scripts.push(new byte[] {0}), Scripts.push(new byte[] {75}),
                Scripts.push(new byte[] {(byte) 255})))).isEqualTo(ScriptType.NULL_DATA);
        // Small integers and OP_RESERVED count as pushes for IsPushOnly.
        assertThat(type("RETURN 0 1 16 -1 RESERVED")).isEqualTo(ScriptType.NULL_DATA);
        // The solver does not limit the size; policy does.
        assertThat(type(opReturn(200))).isEqualTo(ScriptType.NULL_DATA);
        assertThat(ScriptSolver.solve(opReturn(20)).solutions()).isEmpty();
    }

    @Test
    void nullDataWithAnyOtherOpcodeOrTruncatedPushIsNonstandard() {
        assertThat(type(concat(ops(Opcodes.OP_RETURN), Scripts.push(new byte[] {75}), ops(Opcodes.OP_ADD))))
                .isEqualTo(ScriptType.NONSTANDARD);
        assertThat(type("RETURN NOP")).isEqualTo(ScriptType.NONSTANDARD);
        assertThat(type(Hex.decode("6a05aabb"))).isEqualTo(ScriptType.NONSTANDARD);
        // OP_RETURN must come first.
        assertThat(type(concat(Scripts.push(new byte[] {1}), ops(Opcodes.OP_RETURN)))).isEqualTo(ScriptType.NONSTANDARD);
    }

    @Test
    void multisigGivesMThenKeysThenN() {
        byte[] k1 = COMPRESSED_KEY;
        byte[] k2 = UNCOMPRESSED_KEY;
        byte[] k3 = key(33, 0x03);
        ScriptSolver.Solution s = ScriptSolver.solve(multisig(2, k1, k2, k3));
        assertThat(s.type()).isEqualTo(ScriptType.MULTISIG);
        assertThat(s.solutions()).containsExactly(new byte[] {2}, k1, k2, k3, new byte[] {3});
        assertThat(s.requiredSigs()).isEqualTo(2);
        assertThat(s.keyCount()).isEqualTo(3);
    }

    @Test
    void multisigAllowsUpToTwentyKeys() {
        ScriptSolver.Solution twenty = ScriptSolver.solve(numberedMultisig(20, 20));
        assertThat(twenty.type()).isEqualTo(ScriptType.MULTISIG);
        assertThat(twenty.keyCount()).isEqualTo(20);
        assertThat(twenty.requiredSigs()).isEqualTo(20);
        assertThat(type(numberedMultisig(1, 21))).isEqualTo(ScriptType.NONSTANDARD);
        assertThat(type(numberedMultisig(17, 17))).isEqualTo(ScriptType.MULTISIG);
    }

    /** m and n pushed as data when above 16 (1-byte minimal pushes), as Core's CScript << int does. */
    private static byte[] numberedMultisig(int m, int n) {
        byte[][] keys = compressedKeys(n);
        byte[] script = number(m);
        for (byte[] k : keys) {
            script = concat(script, Scripts.push(k));
        }
        return concat(script, number(n), ops(Opcodes.OP_CHECKMULTISIG));
    }

    private static byte[] number(int n) {
        return n <= 16 ? ops(Opcodes.encodeSmallInt(n)) : Scripts.push(new byte[] {(byte) n});
    }

    @Test
    void multisigNumbersMustBeMinimalAndInRange() {
        byte[] k = COMPRESSED_KEY;
        byte[] keyPush = Scripts.push(k);
        // m = 1 pushed as data instead of OP_1: not a minimal push.
        assertThat(type(concat(Scripts.push(new byte[] {1}), keyPush, ops(Opcodes.OP_1, Opcodes.OP_CHECKMULTISIG))))
                .isEqualTo(ScriptType.NONSTANDARD);
        // n = 2 written as the non-minimal number 0x0200 in a minimal push: not a minimal number.
        byte[] twoKeys = concat(keyPush, keyPush);
        assertThat(type(concat(ops(Opcodes.OP_1), twoKeys, Scripts.push(new byte[] {2, 0}),
                ops(Opcodes.OP_CHECKMULTISIG)))).isEqualTo(ScriptType.NONSTANDARD);
        // OP_0 is never a count (Core's 0/2 and n = 0 cases).
        assertThat(type(concat(ops(Opcodes.OP_0), keyPush, ops(Opcodes.OP_1, Opcodes.OP_CHECKMULTISIG))))
                .isEqualTo(ScriptType.NONSTANDARD);
        assertThat(type(ops(Opcodes.OP_0, Opcodes.OP_0, Opcodes.OP_CHECKMULTISIG))).isEqualTo(ScriptType.NONSTANDARD);
    }

    @Test
    void multisigShapesCoreRejects() {
        byte[] keyPush = Scripts.push(COMPRESSED_KEY);
        // 2-of-1, n = 2 with one key, n = 1 with no key.
        assertThat(type(concat(ops(OP_2), keyPush, ops(Opcodes.OP_1, Opcodes.OP_CHECKMULTISIG))))
                .isEqualTo(ScriptType.NONSTANDARD);
        assertThat(type(concat(ops(Opcodes.OP_1), keyPush, ops(OP_2, Opcodes.OP_CHECKMULTISIG))))
                .isEqualTo(ScriptType.NONSTANDARD);
        assertThat(type(ops(Opcodes.OP_1, Opcodes.OP_1, Opcodes.OP_CHECKMULTISIG))).isEqualTo(ScriptType.NONSTANDARD);
        // Something between n and OP_CHECKMULTISIG, or CHECKMULTISIGVERIFY instead.
        assertThat(type(concat(ops(Opcodes.OP_1), keyPush, ops(Opcodes.OP_1, Opcodes.OP_NOP, Opcodes.OP_CHECKMULTISIG))))
                .isEqualTo(ScriptType.NONSTANDARD);
        assertThat(type(concat(ops(Opcodes.OP_1), keyPush, ops(Opcodes.OP_1, Opcodes.OP_CHECKMULTISIGVERIFY))))
                .isEqualTo(ScriptType.NONSTANDARD);
    }

    @Test
    void multisigWithABadlySizedKeyIsNonstandard() {
        for (byte[] bad : List.of(filled(32, 0x02), key(34, 0x02), key(33, 0x04), key(65, 0x03), key(33, 0x00))) {
            byte[] script = concat(ops(Opcodes.OP_1), Scripts.push(COMPRESSED_KEY), Scripts.push(bad),
                    ops(OP_2, Opcodes.OP_CHECKMULTISIG));
            assertThat(type(script)).as(Hex.encode(bad)).isEqualTo(ScriptType.NONSTANDARD);
        }
    }

    @Test
    void otherScriptsAreNonstandard() {
        assertThat(type(new byte[0])).isEqualTo(ScriptType.NONSTANDARD);
        assertThat(type("9 ADD 11 EQUAL")).isEqualTo(ScriptType.NONSTANDARD);
        assertThat(type("1")).isEqualTo(ScriptType.NONSTANDARD);
        assertThat(ScriptSolver.solve(ScriptAsm.parse("9 ADD 11 EQUAL")).solutions()).isEmpty();
    }

    @Test
    void multisigCountsAreOnlyDefinedForMultisig() {
        assertThatThrownBy(() -> ScriptSolver.solve(p2pkh()).requiredSigs())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pubkeyhash");
    }

    @Test
    void solutionsCannotBeAlteredThroughTheResult() {
        byte[] hash = Hashes.hash160(COMPRESSED_KEY);
        ScriptSolver.Solution s = ScriptSolver.solve(p2pkh(hash));
        s.solutions().get(0)[0] ^= 1;
        assertThat(s.solutions().get(0)).isEqualTo(hash);
        assertThat(s).isEqualTo(ScriptSolver.solve(p2pkh(hash)));
    }
}
