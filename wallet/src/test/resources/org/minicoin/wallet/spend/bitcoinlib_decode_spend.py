# Decodes and checks a signed spend with python-bitcoinlib (Debian's python3-bitcoinlib), an implementation
# independent of minicoin, for SpendBitcoinlibTest.
# Usage: bitcoinlib_decode_spend.py <tx hex> <spent scriptPubKey hex>:<spent value> ... (one per input, in order)
# Prints "txid", "wtxid", "version", "locktime", one "out <i> <value> <script hex>" per output, one
# "seq <i> <sequence>" per input, and one "sig <i> <True|False>" per input: whether bitcoinlib's own sighash
# (legacy, or BIP-0143 for P2WPKH) and OpenSSL's ECDSA accept the input's signature and key for the spent script.
import sys
from bitcoin.core import CTransaction, Hash160, b2lx, b2x, x
from bitcoin.core.key import CPubKey
from bitcoin.core.script import CScript, SignatureHash, SIGHASH_ALL, SIGVERSION_BASE, SIGVERSION_WITNESS_V0

tx = CTransaction.deserialize(x(sys.argv[1]))
print("txid", b2lx(tx.GetTxid()))
print("wtxid", b2lx(tx.GetHash()))
print("version", tx.nVersion)
print("locktime", tx.nLockTime)
for i, out in enumerate(tx.vout):
    print("out", i, out.nValue, b2x(out.scriptPubKey))
for i, spec in enumerate(sys.argv[2:]):
    spk_hex, value = spec.split(":")
    spk = x(spk_hex)
    value = int(value)
    print("seq", i, tx.vin[i].nSequence)
    if len(spk) == 22 and spk[0] == 0 and spk[1] == 20:
        key_hash = spk[2:22]
        sig, pub = tx.wit.vtxinwit[i].scriptWitness.stack
        script_code = CScript(b"\x76\xa9\x14" + key_hash + b"\x88\xac")
        sighash = SignatureHash(script_code, tx, i, SIGHASH_ALL, value, SIGVERSION_WITNESS_V0)
        script_sig_empty = len(tx.vin[i].scriptSig) == 0
    else:
        key_hash = spk[3:23]
        sig, pub = list(CScript(tx.vin[i].scriptSig))
        sighash = SignatureHash(CScript(spk), tx, i, SIGHASH_ALL, value, SIGVERSION_BASE)
        script_sig_empty = True
    ok = (script_sig_empty and sig[-1] == SIGHASH_ALL and Hash160(pub) == key_hash
          and CPubKey(pub).verify(sighash, sig[:-1]))
    print("sig", i, bool(ok))
