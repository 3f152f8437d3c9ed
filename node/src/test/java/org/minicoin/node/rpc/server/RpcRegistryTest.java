package org.minicoin.node.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcRegistryTest {
    private static RpcRegistry registry() {
        RpcRegistry r = new RpcRegistry();
        r.register(new RpcMethod("getblockcount", "blockchain", "Returns the height of the most-work chain.\n"
                + "The genesis block has height 0.", List.of(), p -> IntNode.valueOf(7)));
        r.register(new RpcMethod("getblockhash", "blockchain", "Returns hash of block at height.",
                List.of(RpcParam.required("height", RpcParam.Type.NUM, "The height index")),
                p -> new TextNode("h" + p.getInt("height"))));
        r.register(new RpcMethod("secret", "hidden", "Not listed.", List.of(), p -> IntNode.valueOf(1)));
        r.register(new RpcMethod("boom", "util", "Throws.", List.of(), p -> {
            throw new IllegalStateException("it broke");
        }));
        return r;
    }

    @Test
    void helpListsByCategoryAsCore() throws Exception {
        assertThat(registry().execute("help", null).textValue()).isEqualTo("== Blockchain ==\n"
                + "getblockcount\n"
                + "getblockhash height\n"
                + "\n"
                + "== Control ==\n"
                + "help ( \"command\" )\n"
                + "\n"
                + "== Util ==\n"
                + "boom");
    }

    @Test
    void helpOnOneMethodGivesItsTextAndHiddenOnesToo() throws Exception {
        RpcRegistry r = registry();
        assertThat(r.execute("help", JsonNodeFactory.instance.arrayNode().add("getblockhash")).textValue())
                .isEqualTo("getblockhash height\n\nReturns hash of block at height.\n\nArguments:\n"
                        + "1. height    (numeric, required) The height index\n"); // Core's ends in a newline too
        assertThat(r.execute("help", JsonNodeFactory.instance.arrayNode().add("secret")).textValue())
                .startsWith("secret\n\nNot listed.");
        assertThat(r.execute("help", JsonNodeFactory.instance.arrayNode().add("nope")).textValue())
                .isEqualTo("help: unknown command: nope");
    }

    @Test
    void unknownMethodIsMinus32601() {
        assertThatThrownBy(() -> registry().execute("nope", null))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(-32601);
                    assertThat(e.getMessage()).isEqualTo("Method not found");
                });
    }

    @Test
    void anUncheckedExceptionIsMinus1WithItsMessage() {
        assertThatThrownBy(() -> registry().execute("boom", null))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(-1);
                    assertThat(e.getMessage()).isEqualTo("it broke");
                });
    }

    @Test
    void warmupAnswersEveryCallWithMinus28() throws Exception {
        RpcRegistry r = registry();
        r.setWarmup("Loading block index…");
        assertThatThrownBy(() -> r.execute("getblockcount", null))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(-28);
                    assertThat(e.getMessage()).isEqualTo("Loading block index…");
                });
        r.setWarmup(null);
        assertThat(r.execute("getblockcount", null).intValue()).isEqualTo(7);
    }

    @Test
    void aNameIsRegisteredOnce() {
        RpcRegistry r = registry();
        assertThatThrownBy(() -> r.register(new RpcMethod("help", "x", "again", List.of(), p -> null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
