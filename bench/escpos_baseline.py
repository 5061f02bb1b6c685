#!/usr/bin/env python3
"""Baseline for hall-bench's printer benchmark: build the same queue ticket as
Hall's TicketLayout with python-escpos (Dummy printer, bytes in memory) and print
timing as JSON. Chinese lines are sent the way python-escpos users do for Chinese
printers: FS & followed by GB18030 bytes through _raw().

Usage: python3 bench/escpos_baseline.py [--iterations N]
"""
import argparse
import json
import sys
import time

try:
    from escpos.printer import Dummy
    from escpos import escpos as escpos_module
except ImportError:
    print(json.dumps({"error": "python-escpos is not installed (pip install python-escpos)"}))
    sys.exit(2)

SLIP = {
    "center": "青山镇便民服务中心",
    "service": "社保医保",
    "number": "A001",
    "ahead": 3,
    "wait": 12,
    "issued": "2025-03-14 09:05",
    "url": "https://hall.example.cn/t/20250314-A001",
    "courtesy": "请留意叫号屏幕和语音提示，过号请重新取号",
}


def chinese(p, text):
    p._raw(b"\x1c\x26" + text.encode("gb18030") + b"\n")


def build_ticket():
    p = Dummy()
    p.hw("INIT")
    p.set(align="center", bold=True, custom_size=True, width=2, height=2)
    chinese(p, SLIP["center"])
    p.set(align="center", bold=False, custom_size=True, width=2, height=2)
    chinese(p, SLIP["service"])
    p.set(align="center", normal_textsize=True)
    chinese(p, "您的号码")
    p.set(align="center", bold=True, custom_size=True, width=4, height=4)
    p.text(SLIP["number"] + "\n")
    p.set(align="center", bold=False, normal_textsize=True)
    chinese(p, "前面还有 %d 人等候" % SLIP["ahead"])
    chinese(p, "预计等候约 %d 分钟" % SLIP["wait"])
    chinese(p, "取号时间：" + SLIP["issued"])
    p.qr(SLIP["url"], ec=escpos_module.QR_ECLEVEL_M, size=6, native=True, center=False)
    chinese(p, "扫码查看排队进度")
    chinese(p, SLIP["courtesy"])
    p.cut(mode="PART", feed=True)
    return p.output


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=2000)
    args = parser.parse_args()
    build_ticket()  # warm-up
    start = time.perf_counter()
    size = 0
    for _ in range(args.iterations):
        size = len(build_ticket())
    elapsed = time.perf_counter() - start
    print(json.dumps({
        "library": "python-escpos",
        "iterations": args.iterations,
        "per_ticket_us": elapsed / args.iterations * 1e6,
        "bytes": size,
    }))


if __name__ == "__main__":
    main()
