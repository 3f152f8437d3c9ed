package org.minicoin.node.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minicoin.node.rpc.server.RpcMethod;
import org.minicoin.node.rpc.server.RpcRegistry;

class RpcBenchTest {
    @Test
    void aShortRunMeasuresTheMethodBesideTheEmptyOne() throws Exception {
        RpcRegistry registry = new RpcRegistry();
        registry.register(new RpcMethod("getblockcount", "blockchain", "A stand-in.", List.of(),
                p -> IntNode.valueOf(42)));
        List<String[]> rows = RpcBench.run(registry, "getblockcount", "[]", 200, 1);
        assertThat(rows).hasSize(1);
        String[] row = rows.get(0);
        assertThat(row).hasSize(RpcBench.HEADER.length);
        assertThat(row[0]).startsWith("getblockcount, 16 keep-alive clients");
        assertThat(Double.parseDouble(row[4])).isPositive();
    }
}
