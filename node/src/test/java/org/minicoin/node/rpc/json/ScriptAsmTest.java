package org.minicoin.node.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.consensus.encoding.Hex;

/**
 * Core's ScriptToAsmStr. Expected strings are the ones Core's functional test rpc_decodescript.py asserts (and
 * its data file), except where a comment derives them by hand from core_io.cpp.
 */
class ScriptAsmTest {
    private static final String SIG = "304502207fa7a6d1e0ee81132a269ad84e68d695483745cde8b541e3bf630749894e342a022100"
            + "c1f7ab20e13e22fb95281a870f3dcf38d782e53023ee313d741ad0cfbc0c5090";
    private static final String PUBKEY = "03b0da749730dc9b4b1f4a14d6902877a92541f5368778853d9c4a0cb7802dcfb2";

    private static String asm(String hex, boolean sighash) {
        return ScriptAsm.toAsm(Hex.decode(hex), sighash);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5120eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee | 1 eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
        "5102eeee | 1 -28398",
        "51024e73 | 1 29518",
        "6a00 | OP_RETURN 0",
        "6aee | OP_RETURN OP_UNKNOWN",
        "6a02ee | OP_RETURN [error]",
        "02eeee | -28398",
        "ba | OP_CHECKSIGADD",
        "50 | OP_RESERVED",
        "5100 | 1 0",
        "63" + "21" + PUBKEY + "ad670320a107b17568" + "21" + PUBKEY + "ac | OP_IF " + PUBKEY
            + " OP_CHECKSIGVERIFY OP_ELSE 500000 OP_CHECKLOCKTIMEVERIFY OP_DROP OP_ENDIF " + PUBKEY + " OP_CHECKSIG",
        // By hand: OP_1NEGATE is -1, 0x80 is negative zero (0), OP_NOP3 is named CSV, 0xff is OP_INVALIDOPCODE.
        "4f0180b2ff | -1 0 OP_CHECKSEQUENCEVERIFY OP_INVALIDOPCODE",
        // By hand: a four-byte push is still a number (0x7fffffff), five bytes are hex.
        "04ffffff7f050000000080 | 2147483647 0000000080",
        // By hand: a PUSHDATA1 whose length byte is missing is an error after what came before.
        "764c | OP_DUP [error]"})
    void disassemblesAsCore(String hex, String expected) {
        assertThat(asm(hex.strip(), false)).isEqualTo(expected.strip());
    }

    @Test
    void emptyScriptIsEmpty() {
        assertThat(asm("", true)).isEmpty();
    }

    @Test
    void signaturesInScriptSigsShowTheirSighashType() {
        String push = "48" + SIG + "01";
        assertThat(asm(push, true)).isEqualTo(SIG + "[ALL]");
        assertThat(asm(push + "21" + PUBKEY, true)).isEqualTo(SIG + "[ALL] " + PUBKEY);
        assertThat(asm("00" + push + "48" + SIG + "82", true))
                .isEqualTo("0 " + SIG + "[ALL] " + SIG + "[NONE|ANYONECANPAY]");
        // Without the flag (scriptPubKeys, decodescript) the byte stays in the hex.
        assertThat(asm(push, false)).isEqualTo(SIG + "01");
    }

    @Test
    void undefinedSighashTypesAndNonDerPushesStayHex() {
        // 0x04 and 0x41 are not defined types (Core's IsDefinedHashtypeSignature).
        assertThat(asm("48" + SIG + "04", true)).isEqualTo(SIG + "04");
        assertThat(asm("48" + SIG + "41", true)).isEqualTo(SIG + "41");
        // From rpc_decodescript.py: a 20-byte hash crafted to pass the DER checks is left alone in a
        // scriptPubKey, where Core never attempts the decode, but in a scriptSig it does read as a signature.
        assertThat(asm("143011020701010101010101020601010101010101", false))
                .isEqualTo("3011020701010101010101020601010101010101");
        assertThat(asm("143011020701010101010101020601010101010101", true))
                .isEqualTo("30110207010101010101010206010101010101[ALL]");
        // One R byte too long for the stated length: not DER, so hex even in a scriptSig.
        assertThat(asm("143011020801010101010101020601010101010101", true))
                .isEqualTo("3011020801010101010101020601010101010101");
    }

    @Test
    void unspendableScriptsAreNeverSighashDecoded() {
        // rpc_decodescript.py: a signature look-alike after OP_RETURN keeps its last byte.
        assertThat(asm("6a48" + SIG + "01", true)).isEqualTo("OP_RETURN " + SIG + "01");
    }

    @Test
    void mainnetMultisigScriptSigFromCoresTest() {
        String scriptSig = "00483045022100ae3b4e589dfc9d48cb82d41008dc5fa6a86f94d5c54f9935531924602730ab8002202f88cf"
                + "464414c4ed9fa11b773c5ee944f66e9b05cc1e51d97abc22ce098937ea01483045022100b44883be035600e9328a01b66c"
                + "7d8439b74db64187e76b99a68f7893b701d5380220225bf286493e4c4adcf928c40f785422572eb232f84a0b83b0dea823"
                + "c3a19c75014c695221020743d44be989540d27b1b4bbbcfd17721c337cb6bc9af20eb8a32520b393532f2102c0120a1dda"
                + "9e51a938d39ddd9fe0ebc45ea97e1d27a7cbd671d5431416d3dd87210213820eb3d5f509d7438c9eeecb4157b2f595105e"
                + "7cd564b3cdbb9ead3da41eed53ae";
        assertThat(asm(scriptSig, true)).isEqualTo("0 3045022100ae3b4e589dfc9d48cb82d41008dc5fa6a86f94d5c54f993553192"
                + "4602730ab8002202f88cf464414c4ed9fa11b773c5ee944f66e9b05cc1e51d97abc22ce098937ea[ALL] 3045022100b448"
                + "83be035600e9328a01b66c7d8439b74db64187e76b99a68f7893b701d5380220225bf286493e4c4adcf928c40f785422572e"
                + "b232f84a0b83b0dea823c3a19c75[ALL] 5221020743d44be989540d27b1b4bbbcfd17721c337cb6bc9af20eb8a32520b393"
                + "532f2102c0120a1dda9e51a938d39ddd9fe0ebc45ea97e1d27a7cbd671d5431416d3dd87210213820eb3d5f509d7438c9eee"
                + "cb4157b2f595105e7cd564b3cdbb9ead3da41eed53ae");
    }
}
