"""The frontdoor executable runs on mimalloc (`CMimalloc` in Package.swift): its library is
loaded before libc, so the dynamic linker binds every library's `malloc` and `free` to it,
libc's own and the Swift runtime's included. Linked after libc, or dropped by the linker as
unused, glibc's allocator would serve the build again, silently; this asks the dynamic
linker what it bound.
"""
import os
import re
import subprocess

from site_build import frontdoor_bin, spec_example


def bindings(symbol):
    """(library that calls `symbol`, library it is bound to), as the dynamic linker reports them."""
    result = subprocess.run([str(frontdoor_bin()), "--help"], capture_output=True, text=True,
                            env={**os.environ, "LD_DEBUG": "bindings"}, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    pattern = re.compile(r"binding file (\S+) \[\d+\] to (\S+) \[\d+\]: normal symbol `" + symbol + "'")
    return [match.groups() for match in pattern.finditer(result.stderr)]


def test_malloc_and_free_are_mimallocs_everywhere():
    for symbol in ("malloc", "free"):
        found = bindings(symbol)
        callers = {os.path.basename(caller) for caller, _ in found}
        assert any(name.startswith("libswiftCore") for name in callers), found
        assert any(name.startswith("libc.so") for name in callers), found
        elsewhere = [(caller, target) for caller, target in found if "libmimalloc" not in target]
        assert not elsewhere, f"{symbol} bound outside mimalloc: {elsewhere}"


def test_timings_name_the_allocator(tmp_path):
    result = subprocess.run([str(frontdoor_bin()), "build", "--content", str(spec_example()),
                             "--output", str(tmp_path / "site"), "--timings"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert re.search(r"^  allocator: mimalloc \d+\.\d+\.\d+$", result.stderr, re.MULTILINE), result.stderr[-2000:]
