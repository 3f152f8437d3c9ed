package org.minicoin.wallet.spend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.minicoin.consensus.crypto.BouncyCastleSignatureVerifier;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.crypto.PrivateKey;
import org.minicoin.consensus.script.Interpreter;
import org.minicoin.consensus.script.ScriptError;
import org.minicoin.consensus.script.SigHash;
import org.minicoin.consensus.script.TransactionSignatureChecker;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.node.policy.StandardPolicy;

/** Deterministic keys and coins for the spend tests, and the consensus check of a signed spend. */
final class SpendFixtures {
    static final long COIN = 100_000_000L;

    private final Map<String, PrivateKey> keys = new HashMap<>();
    private int nextTxid = 1;

    /** The key of account position chain/index: a fixed secret derived from the position. */
    PrivateKey key(int chain, int index) {
        return keys.computeIfAbsent(chain + "/" + index, k -> PrivateKey.fromBytes(
                Hashes.sha256(("minicoin spend test " + k).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    /** The key lookup a {@link SpendBuilder} takes. */
    Function<Coin, PrivateKey> keyLookup() {
        return c -> key(c.chain(), c.index());
    }

    byte[] p2wpkh(int chain, int index) {
        return SpendBuilder.p2wpkh(Hashes.hash160(key(chain, index).publicKey().encoded()));
    }

    byte[] p2pkh(int chain, int index) {
        return SpendBuilder.p2pkh(Hashes.hash160(key(chain, index).publicKey().encoded()));
    }

    /** A confirmed P2WPKH receive coin at a fresh outpoint. */
    Coin segwit(long value) {
        return coin(value, true, 0, 6, false);
    }

    /** A confirmed P2PKH receive coin at a fresh outpoint. */
    Coin legacy(long value) {
        return coin(value, false, 0, 6, false);
    }

    Coin coin(long value, boolean segwit, int chain, int confirmations, boolean coinbase) {
        int index = nextTxid;
        byte[] txid = new byte[32];
        txid[0] = (byte) nextTxid;
        txid[1] = (byte) (nextTxid >> 8);
        txid[31] = 0x42;
        nextTxid++;
        byte[] spk = segwit ? p2wpkh(chain, index) : p2pkh(chain, index);
        return new Coin(new OutPoint(Hash.wrap(txid), index % 3), value, spk, chain, index, confirmations, coinbase);
    }

    /** Asserts every input's script passes the interpreter under standard flags against the coin it spends. */
    static void assertSignaturesVerify(Spend spend) {
        assertThat(firstScriptFailure(spend.transaction(), spend.inputs())).isEqualTo(ScriptError.OK);
    }

    /** Core's CheckInputScripts over the spend's coins: the first failure, or OK. */
    static ScriptError firstScriptFailure(Transaction tx, List<Coin> spent) {
        assertThat(tx.inputs()).hasSameSizeAs(spent);
        SigHash.Precomputed pre = new SigHash.Precomputed(tx);
        for (int i = 0; i < spent.size(); i++) {
            TxIn in = tx.inputs().get(i);
            Coin coin = spent.get(i);
            assertThat(in.prevout()).isEqualTo(coin.outpoint());
            ScriptError e = Interpreter.verify(in.scriptSig(), coin.scriptPubKey(), in.witness(),
                    StandardPolicy.STANDARD_SCRIPT_VERIFY_FLAGS, new TransactionSignatureChecker(tx, i,
                            coin.value(), pre, BouncyCastleSignatureVerifier.INSTANCE));
            if (e != ScriptError.OK) {
                return e;
            }
        }
        return ScriptError.OK;
    }

    static List<Coin> list(Coin... coins) {
        return new ArrayList<>(List.of(coins));
    }
}
