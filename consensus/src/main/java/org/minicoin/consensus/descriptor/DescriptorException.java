package org.minicoin.consensus.descriptor;

/**
 * A descriptor that cannot be parsed or expanded. The message is Bitcoin Core's where Core has one (for example
 * "Provided checksum 'x' does not match computed checksum 'y'", "wpkh(): Uncompressed keys are not allowed"), so
 * the RPC layer can pass it on unchanged as Core's {@code RPC_INVALID_ADDRESS_OR_KEY} error.
 */
public final class DescriptorException extends RuntimeException {
    public DescriptorException(String message) {
        super(message, null, false, false);
    }
}
