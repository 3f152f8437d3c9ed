package org.minicoin.wallet.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minicoin.wallet.spend.SpendFixtures.COIN;
import static org.minicoin.wallet.spend.SpendFixtures.assertSignaturesVerify;
import static org.minicoin.wallet.spend.SpendFixtures.firstScriptFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.minicoin.consensus.script.ScriptError;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.node.policy.FeeRate;
import org.minicoin.node.policy.StandardPolicy;

class SpendBuilderTest {
    private final SpendFixtures f = new SpendFixtures();
    private final byte[] destination = f.p2wpkh(7, 7);
    private final byte[] change = f.p2wpkh(Coin.CHANGE, 1000);

    private SpendBuilder builder(List<Coin> coins, String satPerVb, long seed) {
        return new SpendBuilder(coins, f.keyLookup(), new Random(seed)).feeRate(Amounts.parseFeeRate(satPerVb))
                .changeScript(change).tipHeight(500);
    }

    /** The rate paid over the signed size, in sat/vB, must be at least the asked rate and less than 1 above. */
    private static void assertPaysRate(Spend spend, String satPerVb) {
        double asked = Double.parseDouble(satPerVb);
        double paid = (double) spend.fee() / spend.transaction().vsize();
        assertThat(paid).isGreaterThanOrEqualTo(asked).isLessThan(asked + 1);
    }

    private static long inputTotal(Spend spend) {
        return spend.inputs().stream().mapToLong(Coin::value).sum();
    }

    private static long outputTotal(Transaction tx) {
        return tx.outputs().stream().mapToLong(TxOut::value).sum();
    }

    private static void assertStandard(Transaction tx) {
        assertThatCode(() -> {
            StandardPolicy.checkStandardTx(tx, StandardPolicy.DUST_RELAY_TX_FEE, true);
            StandardPolicy.checkNonWitnessSize(tx);
        }).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.5", "2.25", "13.7", "101"})
    void paysTheRateWithChange(String rate) {
        List<Coin> coins = SpendFixtures.list(f.segwit(COIN), f.legacy(2 * COIN), f.segwit(30_000_000));
        Spend spend = builder(coins, rate, 11).pay(destination, 40_000_000);
        Transaction tx = spend.transaction();
        assertThat(spend.changeIndex()).isNotNegative();
        assertThat(tx.outputs()).hasSize(2);
        TxOut changeOut = tx.outputs().get(spend.changeIndex());
        assertThat(changeOut.scriptPubKey()).isEqualTo(change);
        assertThat(tx.outputs().get(1 - spend.changeIndex())).isEqualTo(new TxOut(40_000_000, destination));
        assertThat(spend.fee()).isEqualTo(inputTotal(spend) - outputTotal(tx));
        assertPaysRate(spend, rate);
        assertThat(spend.feeRate().compareTo(Amounts.parseFeeRate(rate))).isNotNegative();
        assertThat(tx.version()).isEqualTo(2);
        assertSignaturesVerify(spend);
        assertStandard(tx);
    }

    @Test
    void changelessWhenAnInputMatchesWithinTheCostOfChange() {
        // At 1 sat/vB: a P2WPKH input costs 68, the transaction without inputs 42 (one P2WPKH output).
        long amount = 12_345_678;
        Coin exact = f.segwit(amount + 68 + 42 + 300); // 300 over: less than the cost of change (31 + 680)
        List<Coin> coins = SpendFixtures.list(f.segwit(5 * COIN), exact, f.segwit(3 * COIN));
        Spend spend = builder(coins, "1", 12).pay(destination, amount);
        assertThat(spend.algorithm()).isEqualTo(CoinSelection.Algorithm.BNB);
        assertThat(spend.inputs()).containsExactly(exact);
        assertThat(spend.changeIndex()).isEqualTo(-1);
        assertThat(spend.transaction().outputs()).containsExactly(new TxOut(amount, destination));
        // The excess is the fee: the rate is met, and overpaid by no more than the cost of change.
        assertThat(spend.fee()).isEqualTo(68 + 42 + 300);
        assertThat(spend.fee()).isGreaterThanOrEqualTo(spend.transaction().vsize());
        assertSignaturesVerify(spend);
    }

    @Test
    void changeBelowTheViableMinimumGoesToTheFee() {
        // One 100,000 sat coin, 1 sat/vB: paying 99,090 leaves 910 - 110 fee = 800 over, too much for a changeless
        // match (cost of change 711) but 769 of change is under the minimum (980: dust at the 10 sat/vB discard
        // rate), so Core drops it into the fee.
        Coin coin = f.segwit(100_000);
        Spend spend = builder(SpendFixtures.list(coin), "1", 13).pay(destination, 99_090);
        assertThat(spend.changeIndex()).isEqualTo(-1);
        assertThat(spend.transaction().outputs()).containsExactly(new TxOut(99_090, destination));
        assertThat(spend.fee()).isEqualTo(910);
        assertSignaturesVerify(spend);

        // 300 sat less to pay gives change of 1,069, which is kept.
        Spend withChange = builder(SpendFixtures.list(coin), "1", 13).pay(destination, 98_790);
        assertThat(withChange.changeIndex()).isNotNegative();
        assertThat(withChange.transaction().outputs().get(withChange.changeIndex()).value())
                .isEqualTo(100_000 - 98_790 - withChange.fee());
        assertPaysRate(withChange, "1");
    }

    @Test
    void sweepSpendsEverythingWithoutChange() {
        List<Coin> coins = SpendFixtures.list(f.segwit(COIN), f.legacy(2 * COIN), f.segwit(123_456),
                f.segwit(600)); // 600 sat costs more than it adds at 20 sat/vB, but sendall spends it anyway
        Spend spend = builder(coins, "20", 14).sweep(destination);
        Transaction tx = spend.transaction();
        assertThat(spend.inputs()).containsExactlyInAnyOrderElementsOf(coins);
        assertThat(spend.changeIndex()).isEqualTo(-1);
        assertThat(tx.outputs()).hasSize(1);
        assertThat(tx.outputs().get(0).scriptPubKey()).isEqualTo(destination);
        assertThat(tx.outputs().get(0).value()).isEqualTo(3 * COIN + 123_456 + 600 - spend.fee());
        assertPaysRate(spend, "20");
        assertSignaturesVerify(spend);
        assertStandard(tx);
    }

    @Test
    void sweepRefusesADustRemainder() {
        List<Coin> coins = SpendFixtures.list(f.segwit(500));
        assertThatThrownBy(() -> builder(coins, "2", 15).sweep(destination)).isInstanceOf(SpendException.class)
                .hasMessageStartingWith("Transaction amount too small");
        assertThatThrownBy(() -> builder(coins, "10", 15).sweep(destination))
                .isInstanceOf(InsufficientFundsException.class);
    }

    @Test
    void immatureCoinbaseIsNotSpent() {
        Coin immature = f.coin(50 * COIN, true, Coin.RECEIVE, 100, true);
        Coin mature = f.coin(50 * COIN, true, Coin.RECEIVE, 101, true);
        Coin small = f.segwit(COIN);

        Spend spend = builder(SpendFixtures.list(immature, small), "1", 16).pay(destination, COIN / 2);
        assertThat(spend.inputs()).containsExactly(small);

        assertThatThrownBy(() -> builder(SpendFixtures.list(immature, small), "1", 16).pay(destination, 2 * COIN))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.spendable()).isEqualTo(COIN);
                    assertThat(e.immature()).isEqualTo(50 * COIN);
                    assertThat(e.needed()).isEqualTo(2 * COIN + 110);
                })
                .hasMessage("Insufficient funds: spendable balance 1.00000000, but 2.00000000 + 0.00000110 fee"
                        + " = 2.00000110 is needed; 50.00000000 more is in immature coinbase outputs, which need"
                        + " 101 confirmations");

        Spend sweep = builder(SpendFixtures.list(immature, mature, small), "1", 16).sweep(destination);
        assertThat(sweep.inputs()).containsExactlyInAnyOrder(mature, small);
        assertSignaturesVerify(sweep);
    }

    @Test
    void unconfirmedCoinsOnlyIfOurChangeAndAllowed() {
        Coin foreign = f.coin(COIN, true, Coin.RECEIVE, 0, false);
        Coin ownChange = f.coin(COIN, true, Coin.CHANGE, 0, false);
        List<Coin> coins = SpendFixtures.list(foreign, ownChange);
        assertThat(builder(coins, "1", 17).sweep(destination).inputs()).containsExactly(ownChange);
        assertThatThrownBy(() -> builder(coins, "1", 17).allowUnconfirmedChange(false).sweep(destination))
                .isInstanceOf(InsufficientFundsException.class).hasMessageContaining("2.00000000 more is unconfirmed");
    }

    @Test
    void insufficientFundsWhenTheFeeDoesNotFit() {
        Coin coin = f.segwit(100_000);
        assertThatThrownBy(() -> builder(SpendFixtures.list(coin), "1", 18).pay(destination, 99_950))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.spendable()).isEqualTo(100_000);
                    assertThat(e.needed()).isEqualTo(99_950 + 110);
                })
                .hasMessageContaining("spendable balance 0.00100000");
        assertThatThrownBy(() -> builder(List.of(), "1", 18).pay(destination, 1_000))
                .isInstanceOf(InsufficientFundsException.class).hasMessageStartingWith("Insufficient funds");
        assertThatThrownBy(() -> builder(List.of(), "1", 18).sweep(destination))
                .isInstanceOf(InsufficientFundsException.class)
                .hasMessage("Insufficient funds: no spendable coins");
    }

    @Test
    void dustAmountIsRefused() {
        List<Coin> coins = SpendFixtures.list(f.segwit(COIN));
        // Core's dust threshold for a P2WPKH output at 3 sat/vB: (31 + 67) x 3 = 294.
        assertThatThrownBy(() -> builder(coins, "1", 19).pay(destination, 293)).isInstanceOf(SpendException.class)
                .hasMessageStartingWith("Transaction amount too small");
        assertThat(builder(coins, "1", 19).pay(destination, 294).transaction().outputs())
                .contains(new TxOut(294, destination));
    }

    @Test
    void rateBelowRelayMinimumAndFeeAboveMaximumAreRefused() {
        List<Coin> coins = SpendFixtures.list(f.segwit(COIN));
        assertThatThrownBy(() -> builder(coins, "0.999", 20).pay(destination, 10_000))
                .isInstanceOf(SpendException.class).hasMessageContaining("lower than the minimum fee rate");
        assertThatThrownBy(() -> builder(coins, "100000", 20).pay(destination, 10_000))
                .isInstanceOf(SpendException.class).hasMessageStartingWith("Fee exceeds maximum");
    }

    @Test
    void sequenceSignalsReplaceabilityUnlessDisabled() {
        List<Coin> coins = SpendFixtures.list(f.segwit(COIN), f.legacy(COIN), f.segwit(COIN));
        Spend rbf = builder(coins, "1", 21).pay(destination, (long) (2.5 * COIN));
        assertThat(rbf.transaction().inputs()).hasSize(3).extracting(TxIn::sequence).containsOnly(0xfffffffdL);
        Spend fin = builder(coins, "1", 21).rbf(false).pay(destination, (long) (2.5 * COIN));
        assertThat(fin.transaction().inputs()).extracting(TxIn::sequence).containsOnly(0xfffffffeL);
        assertSignaturesVerify(rbf);
        assertSignaturesVerify(fin);
    }

    @Test
    void lockTimeDiscouragesFeeSniping() {
        List<Coin> coins = SpendFixtures.list(f.segwit(COIN));
        List<Long> lockTimes = new ArrayList<>();
        for (int seed = 0; seed < 60; seed++) {
            lockTimes.add(builder(coins, "1", seed).pay(destination, 10_000).transaction().lockTime());
        }
        // Mostly the tip; one time in ten up to 99 blocks back.
        assertThat(lockTimes).allSatisfy(t -> assertThat(t).isBetween(401L, 500L));
        assertThat(lockTimes.stream().filter(t -> t == 500).count()).isGreaterThan(40);
        assertThat(builder(coins, "1", 1).tipHeight(-1).pay(destination, 10_000).transaction().lockTime())
                .isZero();
    }

    @Test
    void outputAndInputOrderIsRandomButSeeded() {
        List<Coin> coins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            coins.add(f.segwit(10_000_000 + i));
        }
        boolean changeFirst = false;
        boolean changeLast = false;
        java.util.Set<List<org.minicoin.consensus.types.OutPoint>> inputOrders = new java.util.HashSet<>();
        for (int seed = 0; seed < 24; seed++) {
            Spend a = builder(coins, "3", seed).pay(destination, 25_000_000);
            Spend b = builder(coins, "3", seed).pay(destination, 25_000_000);
            assertThat(b.transaction().serialize()).isEqualTo(a.transaction().serialize());
            changeFirst |= a.changeIndex() == 0;
            changeLast |= a.changeIndex() == 1;
            inputOrders.add(a.transaction().inputs().stream().map(TxIn::prevout).toList());
        }
        assertThat(inputOrders).hasSizeGreaterThan(1);
        assertThat(changeFirst).isTrue();
        assertThat(changeLast).isTrue();
    }

    @Test
    void signaturesCommitToTheOutputs() {
        List<Coin> coins = SpendFixtures.list(f.segwit(COIN), f.legacy(COIN));
        Spend spend = builder(coins, "1", 22).pay(destination, (long) (1.5 * COIN));
        Transaction tx = spend.transaction();
        List<TxOut> outputs = new ArrayList<>(tx.outputs());
        TxOut first = outputs.get(0);
        outputs.set(0, new TxOut(first.value() + 1, first.scriptPubKey()));
        Transaction tampered = new Transaction(tx.version(), tx.inputs(), outputs, tx.lockTime());
        assertThat(firstScriptFailure(tx, spend.inputs())).isEqualTo(ScriptError.OK);
        assertThat(firstScriptFailure(tampered, spend.inputs())).isNotEqualTo(ScriptError.OK);
    }

    @Test
    void wrongKeyIsCaughtBeforeSigning() {
        List<Coin> coins = SpendFixtures.list(f.segwit(COIN));
        SpendBuilder b = new SpendBuilder(coins, c -> f.key(9, 9), new Random(1))
                .feeRate(FeeRate.ofSatPerKvB(1000)).changeScript(change);
        assertThatThrownBy(() -> b.pay(destination, 10_000)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void manyInputsStayWithinTheRate() {
        List<Coin> coins = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            coins.add(i % 3 == 0 ? f.legacy(20_000 + 37L * i) : f.segwit(20_000 + 53L * i));
        }
        Spend spend = builder(coins, "2.5", 23).pay(destination, 1_000_000);
        assertThat(spend.inputs().size()).isGreaterThan(40);
        assertPaysRate(spend, "2.5");
        assertSignaturesVerify(spend);
        assertStandard(spend.transaction());
    }
}
