package org.minicoin.genesis.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Transaction;
import org.junit.jupiter.api.Test;

class GenesisBlockTest {
    static final String TIMES = "The Times 03/Jan/2009 Chancellor on brink of second bailout for banks";
    static final byte[] SATOSHI_KEY_SCRIPT = Hex.decode("4104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0e"
            + "a1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac");

    @ParameterizedTest(name = "{0}: time {1}, bits {2}, nonce {3} -> {4}")
    @CsvSource({
            "main,    1231006505, 1d00ffff, 2083236893, 000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f",
            "regtest, 1296688602, 207fffff, 2,          0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206",
    })
    void bitcoinGenesisBlocks(String network, long time, String bits, long nonce, String hash) {
        Block b = GenesisBlock.build(1, time, Long.parseLong(bits, 16), nonce, TIMES, SATOSHI_KEY_SCRIPT,
                Amount.ofCoins(50));

        assertThat(b.hash().toString()).isEqualTo(hash);
        assertThat(b.header().merkleRoot().toString())
                .isEqualTo("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b");
    }

    @Test
    void coinbaseIsCoresByteForByte() {
        Transaction cb = GenesisBlock.coinbase(TIMES, SATOSHI_KEY_SCRIPT, Amount.ofCoins(50));

        // Bitcoin's genesis coinbase as Core's getblock 0 verbosity 2 prints it.
        assertThat(Hex.encode(cb.serialize())).isEqualTo("01000000010000000000000000000000000000000000000000000000"
                + "000000000000000000ffffffff4d04ffff001d0104455468652054696d65732030332f4a616e2f3230303920436861"
                + "6e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffff"
                + "ff0100f2052a01000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6"
                + "bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac00000000");
        assertThat(cb.isCoinbase()).isTrue();
        assertThat(cb.txid().toString())
                .isEqualTo("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b");
    }

    @ParameterizedTest(name = "message of {0} bytes -> scriptSig of {1} bytes")
    @CsvSource({
            "0,  8",
            "75, 83",
            "76, 85",
            "91, 100",
    })
    void scriptSigLength(int messageBytes, int scriptSigBytes) {
        assertThat(GenesisBlock.coinbaseScriptSig("m".repeat(messageBytes))).hasSize(scriptSigBytes);
    }

    @Test
    void longestMessageFillsTheCoinbaseLimitExactly() {
        assertThat(GenesisBlock.coinbaseScriptSig("m".repeat(GenesisBlock.maxMessageBytes())))
                .hasSize(GenesisBlock.MAX_COINBASE_SCRIPT_SIG);
    }
}
