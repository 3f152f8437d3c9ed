package org.minicoin.wallet.coins;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.wallet.keys.Account;
import org.minicoin.wallet.rpc.NodeClient;
import org.minicoin.wallet.spend.Coin;

/**
 * Finds the wallet's coins in a node's UTXO set with {@code scantxoutset}, over the account's receive and change
 * descriptors, with a gap limit: the scan covers every index handed out plus {@link #GAP_LIMIT} more, and grows
 * while coins turn up near its end (BIP-0044's address gap limit, applied to unspent outputs).
 */
public final class CoinFinder {
    /** BIP-0044's gap limit: 20 unused addresses in a row end the search. */
    public static final int GAP_LIMIT = 20;

    private final Account account;
    private final NodeClient node;

    public CoinFinder(Account account, NodeClient node) {
        this.account = account;
        this.node = node;
    }

    /** What a scan found: the coins, and the highest index with a coin on each chain (-1 for none). */
    public record Found(List<Coin> coins, int[] highestUsed, int height) {
    }

    /**
     * Scans both chains. {@code handedOut[c]} is how many addresses of chain c the wallet has given out already;
     * those are always covered.
     */
    public Found scan(int[] handedOut) {
        int[] end = {Math.max(handedOut[0], 0) + GAP_LIMIT - 1, Math.max(handedOut[1], 0) + GAP_LIMIT - 1};
        while (true) {
            Map<String, int[]> byScript = new HashMap<>();
            for (int chain = 0; chain < 2; chain++) {
                for (int i = 0; i <= end[chain]; i++) {
                    byScript.put(Hex.encode(account.scriptPubKey(chain, i)), new int[] {chain, i});
                }
            }
            List<Object> objects = new ArrayList<>();
            for (int chain = 0; chain < 2; chain++) {
                objects.add(Map.of("desc", account.descriptor(chain), "range", List.of(0, end[chain])));
            }
            JsonNode result = node.call("scantxoutset", "start", objects);
            List<Coin> coins = new ArrayList<>();
            int[] highest = {-1, -1};
            for (JsonNode u : result.path("unspents")) {
                int[] where = byScript.get(u.path("scriptPubKey").asText());
                if (where == null) {
                    continue; // not ours after all (a node that answers more than asked)
                }
                highest[where[0]] = Math.max(highest[where[0]], where[1]);
                long value = new BigDecimal(u.path("amount").asText()).movePointRight(8).longValueExact();
                coins.add(new Coin(new OutPoint(Hash.fromHex(u.path("txid").asText()), u.path("vout").asInt()), value,
                        Hex.decode(u.path("scriptPubKey").asText()), where[0], where[1],
                        u.path("confirmations").asInt(), u.path("coinbase").asBoolean()));
            }
            boolean grow = false;
            for (int chain = 0; chain < 2; chain++) {
                if (highest[chain] + GAP_LIMIT > end[chain]) {
                    end[chain] = highest[chain] + GAP_LIMIT;
                    grow = true;
                }
            }
            if (!grow) {
                return new Found(coins, highest, result.path("height").asInt());
            }
        }
    }
}
