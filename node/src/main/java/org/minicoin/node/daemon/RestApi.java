package org.minicoin.node.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.validation.Coin;
import org.minicoin.node.ledger.BlockIndexEntry;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.rpc.json.CoreJson;
import org.minicoin.node.rpc.json.ScriptJson;
import org.minicoin.node.rpc.methods.BlockRpc;
import org.minicoin.node.rpc.methods.ChainRpc;
import org.minicoin.node.rpc.server.RestHandler;
import org.minicoin.node.rpc.server.RpcException;

/**
 * Bitcoin Core's REST interface (-rest; rest.cpp): blocks, transactions, headers, block hashes by height, chain
 * and mempool info, and UTXO lookups, each as binary, hex or JSON where Core offers it. Errors are plain text
 * with Core's messages and statuses.
 */
final class RestApi implements RestHandler {
    private static final int MAX_HEADERS = 2000;
    private static final int MAX_GETUTXOS_OUTPOINTS = 15;

    private final Node node;
    private final ChainState chain;
    private final BlockRpc blocks;
    private final ChainRpc chainRpc;

    RestApi(Node node) {
        this.node = node;
        this.chain = node.chain();
        this.blocks = new BlockRpc(node);
        this.chainRpc = new ChainRpc(node);
    }

    private enum Format { BIN, HEX, JSON }

    private record Target(String path, Format format, String query) {
    }

    private static Response error(int status, String message) {
        return new Response(status, "text/plain", (message + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static final class RestError extends RuntimeException {
        final int status;

        RestError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** Splits "<path>.<ext>?query" as Core's ParseDataFormat. */
    private static Target target(String rest) {
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int dot = rest.lastIndexOf('.');
        if (dot < 0) {
            throw new RestError(404, "output format not found (available: " + "bin, hex, json)");
        }
        Format f = switch (rest.substring(dot + 1)) {
            case "bin" -> Format.BIN;
            case "hex" -> Format.HEX;
            case "json" -> Format.JSON;
            default -> throw new RestError(404, "output format not found (available: bin, hex, json)");
        };
        return new Target(rest.substring(0, dot), f, query);
    }

    @Override
    public Response handle(String uri) {
        String rest = uri.substring(PREFIX.length());
        try {
            if (rest.startsWith("block/notxdetails/")) {
                return block(target(rest.substring("block/notxdetails/".length())), false);
            }
            if (rest.startsWith("block/")) {
                return block(target(rest.substring("block/".length())), true);
            }
            if (rest.startsWith("tx/")) {
                return tx(target(rest.substring("tx/".length())));
            }
            if (rest.startsWith("headers/")) {
                return headers(target(rest.substring("headers/".length())));
            }
            if (rest.startsWith("blockhashbyheight/")) {
                return blockHashByHeight(target(rest.substring("blockhashbyheight/".length())));
            }
            if (rest.startsWith("chaininfo")) {
                Target t = target(rest);
                requireJson(t);
                return json(chainRpc.getblockchaininfo());
            }
            if (rest.startsWith("mempool/")) {
                Target t = target(rest.substring("mempool/".length()));
                requireJson(t);
                return switch (t.path()) {
                    case "info" -> json(chainRpc.getmempoolinfo());
                    case "contents" -> json(chainRpc.getrawmempool(true, false));
                    default -> error(400, "Invalid URI format. Expected /rest/mempool/<info|contents>.json");
                };
            }
            if (rest.startsWith("getutxos/")) {
                return getUtxos(target(rest.substring("getutxos/".length())));
            }
            return error(404, "Not found");
        } catch (RestError e) {
            return error(e.status, e.getMessage());
        } catch (RpcException e) {
            return error(404, e.getMessage());
        }
    }

    private static void requireJson(Target t) {
        if (t.format() != Format.JSON) {
            throw new RestError(404, "output format not found (available: json)");
        }
    }

    private static Hash parseHash(String s) {
        if (s.length() != 64 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new RestError(400, "Invalid hash: " + s);
        }
        return Hash.fromHex(s);
    }

    private static Response json(JsonNode node) {
        return new Response(200, "application/json",
                (CoreJson.write(node) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Response binary(Format f, byte[] bytes) {
        return switch (f) {
            case BIN -> new Response(200, "application/octet-stream", bytes);
            case HEX -> new Response(200, "text/plain", (Hex.encode(bytes) + "\n").getBytes(StandardCharsets.UTF_8));
            case JSON -> throw new IllegalArgumentException("not binary");
        };
    }

    private Response block(Target t, boolean txDetails) {
        Hash hash = parseHash(t.path());
        if (chain.entry(hash) == null) {
            throw new RestError(404, hash + " not found");
        }
        if (t.format() == Format.JSON) {
            return json(blocks.getblock(hash, txDetails ? 2 : 1));
        }
        Block block = chain.readBlock(hash);
        return binary(t.format(), block.serialize());
    }

    private Response tx(Target t) {
        Hash txid = parseHash(t.path());
        JsonNode result;
        try {
            result = blocks.getrawtransaction(txid, t.format() == Format.JSON ? 1 : 0, null);
        } catch (RpcException e) {
            throw new RestError(404, txid + " not found");
        }
        if (t.format() == Format.JSON) {
            return json(result);
        }
        return binary(t.format(), Hex.decode(result.asText()));
    }

    /** /rest/headers/<count>/<hash>.<ext> (older form) or /rest/headers/<hash>.<ext>?count=<count>. */
    private Response headers(Target t) {
        String[] parts = t.path().split("/");
        String countText;
        String hashText;
        if (parts.length == 2) {
            countText = parts[0];
            hashText = parts[1];
        } else if (parts.length == 1) {
            hashText = parts[0];
            countText = t.query().startsWith("count=") ? t.query().substring(6) : "5";
        } else {
            throw new RestError(400, "Invalid URI format. Expected /rest/headers/<hash>.<ext>?count=<count>");
        }
        int count;
        try {
            count = Integer.parseInt(countText);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > MAX_HEADERS) {
            throw new RestError(400, "Header count is invalid or out of acceptable range (1-" + MAX_HEADERS + "): "
                    + countText);
        }
        Hash hash = parseHash(hashText);
        List<BlockIndexEntry> list = new ArrayList<>();
        synchronized (chain) {
            BlockIndexEntry e = chain.entry(hash);
            while (e != null && chain.isActive(e) && list.size() < count) {
                list.add(e);
                e = chain.activeAt(e.height() + 1);
            }
        }
        if (t.format() == Format.JSON) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            for (BlockIndexEntry e : list) {
                a.add(blocks.getblockheader(e.hash(), true));
            }
            return json(a);
        }
        ByteWriter w = new ByteWriter();
        list.forEach(e -> w.writeBytes(e.header().serialize()));
        return binary(t.format(), w.toByteArray());
    }

    private Response blockHashByHeight(Target t) {
        int height;
        try {
            height = Integer.parseInt(t.path());
        } catch (NumberFormatException e) {
            throw new RestError(400, "Invalid height: " + t.path());
        }
        BlockIndexEntry e = height < 0 ? null : chain.activeAt(height);
        if (e == null) {
            throw new RestError(404, "Block height out of range");
        }
        if (t.format() == Format.JSON) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("blockhash", e.hash().toString());
            return json(o);
        }
        return binary(t.format(), e.hash().toBytes());
    }

    /** /rest/getutxos/[checkmempool/]<txid>-<n>/...: Core's bitmap and coin list (JSON form). */
    private Response getUtxos(Target t) {
        List<String> parts = new ArrayList<>(List.of(t.path().split("/")));
        boolean checkMempool = !parts.isEmpty() && parts.get(0).equals("checkmempool");
        if (checkMempool) {
            parts.remove(0);
        }
        if (parts.isEmpty() || parts.get(0).isEmpty()) {
            throw new RestError(400, "Error: empty request");
        }
        if (parts.size() > MAX_GETUTXOS_OUTPOINTS) {
            throw new RestError(400, "Error: max outpoints exceeded (max: " + MAX_GETUTXOS_OUTPOINTS + ", tried: "
                    + parts.size() + ")");
        }
        List<OutPoint> outpoints = new ArrayList<>();
        for (String p : parts) {
            int dash = p.indexOf('-');
            try {
                outpoints.add(new OutPoint(parseHash(p.substring(0, dash)), Long.parseLong(p.substring(dash + 1))));
            } catch (RuntimeException e) {
                throw new RestError(400, "Parse error");
            }
        }
        if (t.format() != Format.JSON) {
            throw new RestError(404, "output format not found (available: json)");
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        StringBuilder bitmap = new StringBuilder();
        ArrayNode utxos = JsonNodeFactory.instance.arrayNode();
        synchronized (chain) {
            o.put("chainHeight", chain.height());
            o.put("chaintipHash", chain.tip().hash().toString());
            for (OutPoint op : outpoints) {
                Coin c = chain.coin(op);
                if (c != null && checkMempool && node.mempool().spender(op) != null) {
                    c = null;
                }
                bitmap.append(c != null ? '1' : '0');
                if (c != null) {
                    ObjectNode u = utxos.addObject();
                    u.put("height", c.height());
                    u.set("value", CoreJson.amount(c.output().value()));
                    u.set("scriptPubKey", ScriptJson.scriptPubKey(c.output().scriptPubKey(), node.params()));
                }
            }
        }
        o.put("bitmap", bitmap.toString());
        o.set("utxos", utxos);
        return json(o);
    }
}
