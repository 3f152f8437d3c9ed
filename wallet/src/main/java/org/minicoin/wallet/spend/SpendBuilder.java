package org.minicoin.wallet.spend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.crypto.PrivateKey;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.script.SigHash;
import org.minicoin.consensus.script.SigVersion;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;
import org.minicoin.node.policy.FeeRate;
import org.minicoin.node.policy.StandardPolicy;

/**
 * Builds and signs a payment from the wallet's coins the way Core's CreateTransactionInternal does: effective-value
 * coin selection ({@link CoinSelection}), change only when worth more than it costs (else dropped into the fee),
 * change at a random output position, inputs shuffled, version 2, anti-fee-sniping lock time, BIP-0125 signalling
 * by default, then SIGHASH_ALL signatures for P2WPKH (BIP-0143) and P2PKH inputs.
 *
 * <p>Sizes are estimated with 72-byte signatures (the largest a low-S DER signature with its sighash byte can be);
 * real ones are 71 or 72 bytes, so the transaction may end up a little smaller and pay a hair above the rate,
 * never below. Coins that are neither P2WPKH nor P2PKH are not spent.
 *
 * <p>Not thread-safe; configure, then call {@link #pay} or {@link #sweep}.
 */
public final class SpendBuilder {
    /** Virtual size of a P2WPKH input: 41 bytes plus a witness of a 72-byte signature and a 33-byte key, /4. */
    public static final int P2WPKH_INPUT_VSIZE = 68;
    /**
     * Virtual size of a P2PKH input, as Core's MaxInputWeight counts it with a 72-byte signature: 41 bytes plus a
     * 107-byte scriptSig, plus the empty witness stack's count byte it has in a segwit transaction, 593 WU = 149 vB.
     * (Core's well-known 148 assumes 71-byte signatures from R-grinding, which our signer does not do.)
     */
    public static final int P2PKH_INPUT_VSIZE = 149;
    /** Core's DUMMY_NESTED_P2WPKH_INPUT_SIZE: assumed cost of spending change we cannot size. */
    static final int UNKNOWN_INPUT_VSIZE = 91;
    /** Core's DEFAULT_DISCARD_FEE: change worth less than its cost at this rate is not worth making. */
    public static final FeeRate DEFAULT_DISCARD_FEE = FeeRate.ofSatPerKvB(10_000);
    /** Core's DEFAULT_CONSOLIDATE_FEERATE: the long-term rate that selection's waste metric compares against. */
    public static final FeeRate DEFAULT_CONSOLIDATE_FEERATE = FeeRate.ofSatPerKvB(10_000);
    /** Core's DEFAULT_TRANSACTION_MAXFEE (-maxtxfee): 0.1 coin, to catch a mistyped fee rate. */
    public static final long DEFAULT_MAX_TX_FEE = Amount.COIN / 10;
    /** BIP-0125 opt-in: the highest sequence that signals replaceability (Core's MAX_BIP125_RBF_SEQUENCE). */
    public static final long SEQUENCE_RBF = 0xfffffffdL;
    /** Core's MAX_SEQUENCE_NONFINAL: lock time enforced, no replaceability signalled. */
    public static final long SEQUENCE_NONFINAL = 0xfffffffeL;

    private static final int SIGNATURE_ESTIMATE = 72;
    private static final int COMPRESSED_KEY = 33;

    private final List<Coin> coins;
    private final Function<Coin, PrivateKey> keys;
    private final Random rng;
    private FeeRate feeRate;
    private byte[] changeScript;
    private boolean rbf = true;
    private int tipHeight = -1;
    private int coinbaseMaturity = Coin.COINBASE_MATURITY;
    private boolean allowUnconfirmedChange = true;
    private FeeRate discardFeeRate = DEFAULT_DISCARD_FEE;
    private FeeRate longTermFeeRate = DEFAULT_CONSOLIDATE_FEERATE;
    private FeeRate minFeeRate = StandardPolicy.DEFAULT_MIN_RELAY_TX_FEE;
    private FeeRate dustRelayFee = StandardPolicy.DUST_RELAY_TX_FEE;
    private long maxTxFee = DEFAULT_MAX_TX_FEE;

    /**
     * @param coins all of the wallet's unspent outputs; which may be spent is decided here
     * @param keys the private key for a coin (its {@link Coin#chain()} and {@link Coin#index()})
     * @param rng source of every random choice (selection, output order, input order, lock time)
     */
    public SpendBuilder(List<Coin> coins, Function<Coin, PrivateKey> keys, Random rng) {
        this.coins = List.copyOf(coins);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    /** The fee rate to pay, for example from {@code estimatesmartfee} or {@code --fee-rate}. Required. */
    public SpendBuilder feeRate(FeeRate rate) {
        this.feeRate = rate;
        return this;
    }

    /** Where change goes: a fresh address of the change chain. Required by {@link #pay}. */
    public SpendBuilder changeScript(byte[] scriptPubKey) {
        this.changeScript = scriptPubKey.clone();
        return this;
    }

    /** Whether inputs signal BIP-0125 replaceability (Core's {@code -walletrbf}, on by default since v24). */
    public SpendBuilder rbf(boolean signal) {
        this.rbf = signal;
        return this;
    }

    /**
     * The height of the node's tip, for anti-fee-sniping lock times; -1 (the default) when the node is not
     * current, which makes the lock time 0 as Core does then.
     */
    public SpendBuilder tipHeight(int height) {
        this.tipHeight = height;
        return this;
    }

    /** Consensus coinbase maturity of the network (100 on every Bitcoin network). */
    public SpendBuilder coinbaseMaturity(int blocks) {
        this.coinbaseMaturity = blocks;
        return this;
    }

    /** Whether our own unconfirmed change may be spent (Core's {@code -spendzeroconfchange}, default on). */
    public SpendBuilder allowUnconfirmedChange(boolean allow) {
        this.allowUnconfirmedChange = allow;
        return this;
    }

    /** Rate for the future cost of spending change (Core's {@code -discardfee}). */
    public SpendBuilder discardFeeRate(FeeRate rate) {
        this.discardFeeRate = rate;
        return this;
    }

    /** Long-term rate the waste metric compares against (Core's {@code -consolidatefeerate}). */
    public SpendBuilder longTermFeeRate(FeeRate rate) {
        this.longTermFeeRate = rate;
        return this;
    }

    /** Lowest rate accepted (the node's {@code minrelaytxfee}); a lower {@link #feeRate} is refused. */
    public SpendBuilder minFeeRate(FeeRate rate) {
        this.minFeeRate = rate;
        return this;
    }

    /** Largest total fee accepted (Core's {@code -maxtxfee}). */
    public SpendBuilder maxTxFee(long sats) {
        this.maxTxFee = sats;
        return this;
    }

    /**
     * Pays {@code amount} satoshis to {@code destination}, change (if worth making) to the change script.
     *
     * @throws InsufficientFundsException if the spendable coins cannot cover amount and fee
     * @throws SpendException if the amount is dust, the fee exceeds the maximum, or the result is too large
     */
    public Spend pay(byte[] destination, long amount) {
        requireFeeRate();
        if (changeScript == null) {
            throw new IllegalStateException("no change script set");
        }
        if (amount <= 0 || amount > Amount.MAX_MONEY) {
            throw new SpendException("Invalid amount for send: " + amount + " sat");
        }
        TxOut payment = new TxOut(amount, destination);
        if (StandardPolicy.isDust(payment, dustRelayFee)) {
            throw new SpendException("Transaction amount too small: " + Amounts.format(amount) + " is below the dust"
                    + " threshold of " + Amounts.format(StandardPolicy.dustThreshold(payment, dustRelayFee)));
        }
        // Core's tx_noinputs_size: version, lock time, input count, one vbyte for the segwit marker/flag, outputs.
        int noInputsSize = 10 + ByteWriter.compactSizeLength(1) + outputSize(destination);
        TxOut changePrototype = new TxOut(0, changeScript);
        int changeOutputSize = outputSize(changeScript);
        int changeSpendSize = inputVsize(changeScript).orElse(UNKNOWN_INPUT_VSIZE);
        long changeFee = feeRate.fee(changeOutputSize);
        long changeSpendFee = discardFeeRate.fee(changeSpendSize);
        long target = amount + feeRate.fee(noInputsSize);
        CoinSelection.Params params = new CoinSelection.Params(target, changeSpendFee + changeFee, changeFee,
                // Change must be no dust and worth more than spending it will cost.
                Math.max(changeSpendFee + 1, StandardPolicy.dustThreshold(changePrototype, discardFeeRate)),
                CoinSelection.changeTarget(amount, changeFee, rng),
                StandardPolicy.MAX_STANDARD_TX_WEIGHT - noInputsSize * Transaction.WITNESS_SCALE_FACTOR);

        List<Coin> spendable = spendableCoins();
        List<CoinSelection.Candidate> candidates = new ArrayList<>();
        for (Coin c : spendable) {
            int size = inputVsize(c.scriptPubKey()).orElseThrow();
            candidates.add(new CoinSelection.Candidate(c, size, feeRate.fee(size), longTermFeeRate.fee(size)));
        }
        CoinSelection.Selection selection = CoinSelection.select(candidates, params, rng)
                .orElseThrow(() -> insufficient(spendable, amount, noInputsSize));

        List<TxOut> outputs = new ArrayList<>(List.of(payment));
        int changeIndex = -1;
        if (selection.change() > 0) {
            changeIndex = rng.nextInt(outputs.size() + 1);
            outputs.add(changeIndex, new TxOut(selection.change(), changeScript));
        }
        List<Coin> inputs = new ArrayList<>(selection.inputs().stream().map(CoinSelection.Candidate::coin).toList());
        Collections.shuffle(inputs, rng);
        long lockTime = antiFeeSnipingLockTime();

        // Size with the largest signatures, then pay exactly the rate on it; a surplus goes back into change.
        long selectedValue = selection.selectedValue();
        Transaction estimate = build(inputs, outputs, lockTime, true);
        long feeNeeded = feeRate.fee(estimate.vsize());
        long currentFee = selectedValue - outputsTotal(outputs);
        if (changeIndex >= 0 && currentFee != feeNeeded) {
            // Usually a surplus from rounding each input's fee up. A shortfall only arises past 252 inputs, whose
            // longer input count Core's size estimate leaves out; change that stays no dust can make it up.
            long adjusted = outputs.get(changeIndex).value() + currentFee - feeNeeded;
            if (adjusted >= params.minViableChange()) {
                outputs.set(changeIndex, new TxOut(adjusted, changeScript));
                currentFee = feeNeeded;
            }
        }
        if (currentFee < feeNeeded) {
            throw new IllegalStateException("coin selection left " + currentFee + " sat for a fee of " + feeNeeded);
        }
        return finish(inputs, outputs, lockTime, currentFee, estimate.vsize(), changeIndex, selection.algorithm());
    }

    /**
     * Sends every spendable coin to {@code destination}, the fee subtracted from it, with no change (Core's
     * {@code sendall}).
     *
     * @throws InsufficientFundsException if there is nothing to spend or it cannot pay its own fee
     * @throws SpendException if what is left after the fee is dust
     */
    public Spend sweep(byte[] destination) {
        requireFeeRate();
        List<Coin> inputs = new ArrayList<>(spendableCoins());
        long total = inputs.stream().mapToLong(Coin::value).sum();
        if (inputs.isEmpty()) {
            throw insufficient(inputs, 0, 0);
        }
        Collections.shuffle(inputs, rng);
        long lockTime = antiFeeSnipingLockTime();
        Transaction estimate = build(inputs, List.of(new TxOut(0, destination)), lockTime, true);
        long fee = feeRate.fee(estimate.vsize());
        long remainder = total - fee;
        if (remainder < 0) {
            throw new InsufficientFundsException("Insufficient funds: total value of spendable coins "
                    + Amounts.format(total) + " is too low to pay the fee of " + Amounts.format(fee)
                    + immatureNote(), total, fee, immatureValue());
        }
        TxOut output = new TxOut(remainder, destination);
        if (StandardPolicy.isDust(output, dustRelayFee)) {
            throw new SpendException("Transaction amount too small: " + Amounts.format(remainder)
                    + " would be left after the fee of " + Amounts.format(fee) + ", below the dust threshold of "
                    + Amounts.format(StandardPolicy.dustThreshold(output, dustRelayFee)));
        }
        return finish(inputs, List.of(output), lockTime, fee, estimate.vsize(), -1, null);
    }

    private Spend finish(List<Coin> inputs, List<TxOut> outputs, long lockTime, long fee, int estimatedVsize,
                         int changeIndex, CoinSelection.Algorithm algorithm) {
        if (fee > maxTxFee) {
            throw new SpendException("Fee exceeds maximum configured by user (e.g. -maxtxfee, maxfeerate): "
                    + Amounts.format(fee) + " > " + Amounts.format(maxTxFee));
        }
        Transaction signed = build(inputs, outputs, lockTime, false);
        if (signed.weight() > StandardPolicy.MAX_STANDARD_TX_WEIGHT) {
            throw new SpendException("Transaction too large: weight " + signed.weight() + " > "
                    + StandardPolicy.MAX_STANDARD_TX_WEIGHT + "; try a smaller amount or consolidate coins first");
        }
        // Real signatures are at most as long as the estimate's, so the rate paid can only be higher.
        if (signed.vsize() > estimatedVsize || fee < feeRate.fee(signed.vsize())) {
            throw new IllegalStateException("signed size " + signed.vsize() + " vB exceeds the estimate of "
                    + estimatedVsize + " vB");
        }
        return new Spend(signed, fee, inputs, changeIndex, algorithm);
    }

    /**
     * The transaction with each input signed, or with placeholder signatures of the estimated size. Sighashes
     * do not cover scriptSigs or witnesses, so all inputs are signed against the one unsigned transaction.
     */
    private Transaction build(List<Coin> inputs, List<TxOut> outputs, long lockTime, boolean placeholder) {
        long sequence = rbf ? SEQUENCE_RBF : SEQUENCE_NONFINAL;
        List<TxIn> unsignedInputs = new ArrayList<>(inputs.size());
        for (Coin c : inputs) {
            unsignedInputs.add(new TxIn(c.outpoint(), new byte[0], sequence));
        }
        Transaction unsigned = new Transaction(2, unsignedInputs, outputs, lockTime);
        SigHash.Precomputed precomputed = new SigHash.Precomputed(unsigned);
        List<TxIn> signedInputs = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Coin coin = inputs.get(i);
            byte[] spk = coin.scriptPubKey();
            boolean segwit = isP2wpkh(spk);
            byte[] keyHash = segwit ? Arrays.copyOfRange(spk, 2, 22) : Arrays.copyOfRange(spk, 3, 23);
            byte[] sig;
            byte[] pub;
            if (placeholder) {
                sig = new byte[SIGNATURE_ESTIMATE];
                pub = new byte[COMPRESSED_KEY];
            } else {
                PrivateKey key = keys.apply(coin);
                if (key == null) {
                    throw new IllegalStateException("no key for " + coin);
                }
                pub = key.publicKey().encoded();
                if (!Arrays.equals(Hashes.hash160(pub), keyHash)) {
                    throw new IllegalStateException("the key for " + coin + " does not match its script");
                }
                // BIP-0143 signs a P2WPKH input with the P2PKH script of its key hash as script code.
                byte[] scriptCode = segwit ? p2pkh(keyHash) : spk;
                Hash hash = SigHash.hash(scriptCode, unsigned, i, SigHash.ALL, coin.value(),
                        segwit ? SigVersion.WITNESS_V0 : SigVersion.BASE, precomputed);
                byte[] der = key.sign(hash.toBytes());
                sig = Arrays.copyOf(der, der.length + 1);
                sig[der.length] = (byte) SigHash.ALL;
            }
            TxIn in = unsignedInputs.get(i);
            signedInputs.add(segwit ? in.withWitness(Witness.of(sig, pub))
                    : in.withScriptSig(concat(Scripts.push(sig), Scripts.push(pub))));
        }
        return new Transaction(2, signedInputs, outputs, lockTime);
    }

    /**
     * Core's DiscourageFeeSniping: lock to the tip height, so that a miner re-mining the tip cannot take this
     * transaction's fee along; one time in ten go back up to 99 blocks so delayed transactions do not stand out.
     */
    private long antiFeeSnipingLockTime() {
        if (tipHeight < 0) {
            return 0; // not current: a constant leaks nothing
        }
        long lockTime = tipHeight;
        if (rng.nextInt(10) == 0) {
            lockTime = Math.max(0, lockTime - rng.nextInt(100));
        }
        return lockTime;
    }

    private List<Coin> spendableCoins() {
        return coins.stream().filter(c -> c.spendable(coinbaseMaturity, allowUnconfirmedChange))
                .filter(c -> inputVsize(c.scriptPubKey()).isPresent()).toList();
    }

    private long immatureValue() {
        return coins.stream().filter(c -> !c.isMature(coinbaseMaturity)).mapToLong(Coin::value).sum();
    }

    private String immatureNote() {
        long immature = immatureValue();
        long unconfirmed = coins.stream().filter(c -> c.isMature(coinbaseMaturity) && c.confirmations() == 0
                && !c.spendable(coinbaseMaturity, allowUnconfirmedChange)).mapToLong(Coin::value).sum();
        StringBuilder note = new StringBuilder();
        if (immature > 0) {
            note.append("; ").append(Amounts.format(immature)).append(" more is in immature coinbase outputs, which"
                    + " need ").append(coinbaseMaturity + 1).append(" confirmations");
        }
        if (unconfirmed > 0) {
            note.append("; ").append(Amounts.format(unconfirmed)).append(" more is unconfirmed");
        }
        return note.toString();
    }

    /** Core's "Insufficient funds", with the numbers: balance, and amount plus the fee of spending it all. */
    private InsufficientFundsException insufficient(List<Coin> spendable, long amount, int noInputsSize) {
        long balance = spendable.stream().mapToLong(Coin::value).sum();
        int size = noInputsSize;
        for (Coin c : spendable) {
            size += inputVsize(c.scriptPubKey()).orElseThrow();
        }
        long fee = spendable.isEmpty() ? 0 : feeRate.fee(size);
        String message = spendable.isEmpty() && amount == 0
                ? "Insufficient funds: no spendable coins"
                : "Insufficient funds: spendable balance " + Amounts.format(balance) + ", but "
                        + Amounts.format(amount) + " + " + Amounts.format(fee) + " fee = "
                        + Amounts.format(amount + fee) + " is needed";
        return new InsufficientFundsException(message + immatureNote(), balance, amount + fee, immatureValue());
    }

    private void requireFeeRate() {
        if (feeRate == null) {
            throw new IllegalStateException("no fee rate set");
        }
        if (feeRate.compareTo(minFeeRate) < 0) {
            throw new SpendException("Fee rate (" + feeRate.toSatPerVbString() + ") is lower than the minimum fee"
                    + " rate setting (" + minFeeRate.toSatPerVbString() + ")");
        }
    }

    /** Virtual size of spending an output with this script, for the script types this builder signs. */
    static Optional<Integer> inputVsize(byte[] scriptPubKey) {
        if (isP2wpkh(scriptPubKey)) {
            return Optional.of(P2WPKH_INPUT_VSIZE);
        }
        if (isP2pkh(scriptPubKey)) {
            return Optional.of(P2PKH_INPUT_VSIZE);
        }
        return Optional.empty();
    }

    static boolean isP2wpkh(byte[] s) {
        return s.length == 22 && s[0] == 0x00 && s[1] == 0x14;
    }

    static boolean isP2pkh(byte[] s) {
        return s.length == 25 && (s[0] & 0xff) == 0x76 && (s[1] & 0xff) == 0xa9 && s[2] == 0x14
                && (s[23] & 0xff) == 0x88 && (s[24] & 0xff) == 0xac;
    }

    /** OP_DUP OP_HASH160 &lt;hash&gt; OP_EQUALVERIFY OP_CHECKSIG. */
    static byte[] p2pkh(byte[] keyHash) {
        byte[] s = new byte[25];
        s[0] = (byte) 0x76;
        s[1] = (byte) 0xa9;
        s[2] = 0x14;
        System.arraycopy(keyHash, 0, s, 3, 20);
        s[23] = (byte) 0x88;
        s[24] = (byte) 0xac;
        return s;
    }

    /** OP_0 &lt;20-byte key hash&gt;. */
    static byte[] p2wpkh(byte[] keyHash) {
        byte[] s = new byte[22];
        s[1] = 0x14;
        System.arraycopy(keyHash, 0, s, 2, 20);
        return s;
    }

    private static int outputSize(byte[] scriptPubKey) {
        return 8 + ByteWriter.compactSizeLength(scriptPubKey.length) + scriptPubKey.length;
    }

    private static long outputsTotal(List<TxOut> outputs) {
        return outputs.stream().mapToLong(TxOut::value).sum();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
