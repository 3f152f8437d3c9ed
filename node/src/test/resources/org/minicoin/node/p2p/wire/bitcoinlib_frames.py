# Frames P2P messages with python-bitcoinlib (Debian's python3-bitcoinlib), an implementation independent of
# minicoin, for WireCodecBitcoinlibTest. Usage: bitcoinlib_frames.py <block hex> <tx hex>
# Prints one "name frame-hex" line per message, on mainnet magic. The field values must match the test's.
import sys
import bitcoin
from bitcoin.core import CBlock, CTransaction, CBlockHeader
from bitcoin.messages import (msg_version, msg_verack, msg_inv, msg_getdata, msg_ping, msg_pong, msg_addr,
                              msg_getheaders, msg_getblocks, msg_block, msg_tx, msg_headers)
from bitcoin.net import CAddress, CInv

bitcoin.SelectParams('mainnet')
block = CBlock.deserialize(bytes.fromhex(sys.argv[1]))
tx = CTransaction.deserialize(bytes.fromhex(sys.argv[2]))

def addr(ip, port, services, time=0):
    a = CAddress()
    a.ip, a.port, a.nServices, a.nTime = ip, port, services, time
    return a

def inv(t, fill):
    v = CInv()
    v.type, v.hash = t, bytes([fill]) * 32
    return v

out = {}
m = msg_version(70016)
m.nServices, m.nTime, m.nNonce, m.strSubVer, m.nStartingHeight, m.fRelay = 1033, 1700000000, 0x1122334455667788, b'/Satoshi:29.0.0/', 905000, False
m.addrTo = addr('203.0.113.7', 8333, 9)
m.addrFrom = addr('2001:db8::1', 18444, 1033)
out['version'] = m
out['verack'] = msg_verack()
m = msg_inv(); m.inv = [inv(1, 0x11), inv(2, 0x22), inv(5, 0x55), inv(0x40000001, 0x41)]; out['inv'] = m
m = msg_getdata(); m.inv = [inv(0x40000002, 0x42), inv(4, 0x44), inv(3, 0x33)]; out['getdata'] = m
out['ping'] = msg_ping(nonce=0x0102030405060708)
out['pong'] = msg_pong(nonce=0x0807060504030201)
m = msg_addr(); m.addrs = [addr('198.51.100.20', 8333, 1, 1700000123), addr('2001:db8::2', 8334, 1033, 1700000456)]
out['addr'] = m
m = msg_getheaders(); m.locator.nVersion = 70016; m.locator.vHave = [bytes([1]) * 32, bytes([2]) * 32]
m.hashstop = bytes([3]) * 32; out['getheaders'] = m
m = msg_getblocks(); m.locator.nVersion = 70016; m.locator.vHave = [bytes([4]) * 32]; out['getblocks'] = m
m = msg_block(); m.block = block; out['block'] = m
m = msg_tx(); m.tx = tx; out['tx'] = m
for name, msg in out.items():
    print(name, msg.to_bytes().hex())
