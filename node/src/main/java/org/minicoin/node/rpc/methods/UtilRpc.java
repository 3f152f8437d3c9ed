package org.minicoin.node.rpc.methods;

import static org.minicoin.node.rpc.methods.ChainRpc.JSON;
import static org.minicoin.node.rpc.methods.ChainRpc.amount;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.minicoin.consensus.address.Address;
import org.minicoin.consensus.address.AddressException;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.node.daemon.Node;
import org.minicoin.node.fees.Estimate;
import org.minicoin.node.fees.FeeEstimator;
import org.minicoin.node.rpc.server.RpcException;

/** Core's util and control RPCs: validateaddress, estimatesmartfee, uptime, getmemoryinfo. */
public final class UtilRpc {
    private final Node node;
    private final long startTime;

    public UtilRpc(Node node, long startTime) {
        this.node = node;
        this.startTime = startTime;
    }

    /** Core's validateaddress: the decoded script and witness fields, or the decoding error with its positions. */
    public ObjectNode validateaddress(String address) {
        ObjectNode o = JSON.objectNode();
        byte[] script;
        try {
            script = Address.toScriptPubKey(address, node.params());
        } catch (AddressException e) {
            o.put("isvalid", false);
            var locations = o.putArray("error_locations");
            e.errorLocations().forEach(locations::add);
            o.put("error", e.getMessage());
            return o;
        }
        o.put("isvalid", true);
        o.put("address", Address.fromScriptPubKey(script, node.params()).orElse(address));
        o.put("scriptPubKey", Hex.encode(script));
        Scripts.WitnessProgram wp = Scripts.witnessProgram(script);
        o.put("isscript", Scripts.isPayToScriptHash(script) || (wp != null && wp.version() == 0
                && wp.program().length == 32));
        o.put("iswitness", wp != null);
        if (wp != null) {
            o.put("witness_version", wp.version());
            o.put("witness_program", Hex.encode(wp.program()));
        }
        return o;
    }

    /**
     * Core's estimatesmartfee: the fee rate (coins per kvB) likely to confirm within {@code confTarget} blocks, never
     * below the mempool's minimum, or an "errors" entry when there is not enough data yet.
     */
    public ObjectNode estimatesmartfee(int confTarget, String mode) {
        FeeEstimator estimator = node.feeEstimator();
        int max = estimator.highestTargetTracked();
        if (confTarget < 1 || confTarget > max) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER,
                    "Invalid conf_target, must be between 1 and " + max);
        }
        String m = mode == null ? "economical" : mode.toLowerCase(java.util.Locale.ROOT);
        if (!m.equals("unset") && !m.equals("economical") && !m.equals("conservative")) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER,
                    "Invalid estimate_mode parameter, must be one of: \"unset\", \"economical\", \"conservative\"");
        }
        long minFee = Math.max(node.mempool().minFee().satPerKvB(),
                node.mempool().options().minRelayFee().satPerKvB());
        Optional<Estimate> e = estimator.estimateSmartFee(confTarget, m.equals("conservative"), minFee);
        ObjectNode o = JSON.objectNode();
        if (e.isPresent()) {
            o.set("feerate", amount(e.get().feeRateSatPerKvB()));
            o.put("blocks", e.get().blocks());
        } else {
            o.putArray("errors").add(FeeEstimator.INSUFFICIENT_DATA);
            o.put("blocks", estimator.answerTarget(confTarget));
        }
        return o;
    }

    public long uptime() {
        return System.currentTimeMillis() / 1000 - startTime;
    }

    /**
     * Core's getmemoryinfo "stats" mode. Core reports its pool of locked (unswappable) memory for keys; the node
     * holds no keys and locks none, so the pool is empty.
     */
    public ObjectNode getmemoryinfo(String mode) {
        if (mode != null && !mode.equals("stats")) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER, "unknown mode " + mode);
        }
        ObjectNode o = JSON.objectNode();
        ObjectNode locked = o.putObject("locked");
        locked.put("used", 0);
        locked.put("free", 0);
        locked.put("total", 0);
        locked.put("locked", 0);
        locked.put("chunks_used", 0);
        locked.put("chunks_free", 0);
        return o;
    }
}
