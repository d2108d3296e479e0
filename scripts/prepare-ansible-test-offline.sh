#!/usr/bin/env bash
# Make `ansible-test ... --venv` work on a machine that reaches PyPI but not
# ci-files.testing.ansible.com.
#
# Every virtualenv ansible-test creates is bootstrapped with pip from a
# get-pip script it downloads from that host (ansible/ansible#77304), unless
# ~/.ansible/test/cache/get_pip_<X_Y_Z>.py already exists. This script puts a
# small replacement there that installs pip from a pip wheel fetched from PyPI.
#
# Usage: scripts/prepare-ansible-test-offline.sh [PYTHON]
#   PYTHON: the interpreter that has ansible-core installed (default: python3)
set -euo pipefail

python=${1:-python3}

# The pip version ansible-test pins for its virtualenvs, and (ansible-core
# 2.17 and older) the setuptools and wheel versions its bootstrap installs
# with it: "PIP SETUPTOOLS WHEEL", the last two "-" when not pinned.
read -r pip_version setuptools_version wheel_version < <("$python" - <<'PY'
import os
import re

import ansible_test

path = os.path.join(os.path.dirname(ansible_test.__file__), '_internal', 'python_requirements.py')
with open(path, encoding='utf-8') as f:
    text = f.read()
# The first pin is the one for current Python versions (older ones follow it).
match = re.search(r"""\bpip=['"]([0-9][0-9.]*)['"]""", text)
if not match:
    raise SystemExit('cannot find the pinned pip version in %s' % path)
block = text[match.end():match.end() + 200]
pins = [match.group(1)]
for name in ('setuptools', 'wheel'):
    pin = re.match(r"""(?s)(?:(?!\bpip=).)*?\b%s=['"]([0-9][0-9.]*)['"]""" % name, block)
    pins.append(pin.group(1) if pin else '-')
print(' '.join(pins))
PY
)
if [ -z "${pip_version:-}" ]; then
    echo "cannot find the pip version that ansible-test pins" >&2
    exit 1
fi

cache_dir="${HOME}/.ansible/test/cache"
script="${cache_dir}/get_pip_${pip_version//./_}.py"
mkdir -p "$cache_dir"

# The wheels the bootstrap installs (with --no-index from this directory).
for requirement in "pip==${pip_version}" "setuptools==${setuptools_version}" "wheel==${wheel_version}"; do
    name=${requirement%%==*} version=${requirement#*==}
    if [ "$version" = - ] || compgen -G "${cache_dir}/${name}-${version}-py*-none-any.whl" >/dev/null; then
        continue
    fi
    "$python" -m pip download --quiet --disable-pip-version-check --no-deps \
        --only-binary=:all: --dest "$cache_dir" "$requirement"
done

# Written to a unique temporary name and renamed, so runs side by side
# (scripts/integration.sh) never see a half-written script.
tmp=$(mktemp "${script}.XXXXXX")
cat > "$tmp" <<PY
# Written by scripts/prepare-ansible-test-offline.sh of mijnpartnergroep.domains.
# Stands in for https://ci-files.testing.ansible.com/ansible-test/get-pip-${pip_version}.py:
# installs pip ${pip_version} from the wheel next to this file, without network access.
# ansible-test runs it as: python get_pip.py --disable-pip-version-check pip==X --no-setuptools --no-wheel
# (2.17 and older: ... pip==X setuptools==Y wheel==Z; their wheels are here too)
import glob
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WHEEL = glob.glob(os.path.join(HERE, 'pip-${pip_version}-py3-none-any.whl'))[0]


def main():
    # get-pip.py options that pip itself does not know
    args = [a for a in sys.argv[1:] if a not in ('--no-setuptools', '--no-wheel')]
    sys.path.insert(0, WHEEL)  # run pip straight from its wheel
    from pip._internal.cli.main import main as pip_main
    return pip_main(['install', '--no-index', '--find-links', HERE, '--upgrade', '--force-reinstall'] + args)


if __name__ == '__main__':
    sys.exit(main())
PY
mv -f "$tmp" "$script"
echo "ansible-test pip bootstrap: ${script} (pip ${pip_version} from ${cache_dir})"
