"Make the checkout importable when pytest runs from elsewhere (e.g. under `deepeval test run`), and keep it offline."
import os, sys
from pathlib import Path

for k, v in dict(HF_HUB_OFFLINE='1', HF_DATASETS_OFFLINE='1', DEEPEVAL_TELEMETRY_OPT_OUT='YES',
                  DEEPEVAL_DISABLE_DOTENV='1').items(): os.environ.setdefault(k, v)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
