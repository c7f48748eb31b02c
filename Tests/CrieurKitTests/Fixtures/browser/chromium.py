"""Headless Chromium driven by Selenium through Debian's /usr/bin/chromedriver
(package chromium-driver), for the tests' browser checks. The driver and the
browser are given by path, so Selenium never looks for or downloads either."""
import os
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(2)


def open_browser(width=1920, height=1080, profile=None):
    """A headless Chromium whose page area is exactly width x height CSS pixels."""
    for path, package in ((CHROMEDRIVER, "chromium-driver"), (CHROMIUM, "chromium")):
        if not os.access(path, os.X_OK):
            fail(f"{path} is missing: install the Debian package {package} (scripts/setup --tests)")
    # Selenium Manager would otherwise be asked for a driver or a browser it could download.
    os.environ["SE_OFFLINE"] = "true"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--allow-file-access-from-files", f"--window-size={width},{height}",
                     f"--user-data-dir={profile or tempfile.mkdtemp(prefix='crieur-selenium-')}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    return driver
