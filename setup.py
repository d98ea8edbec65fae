"""Packaging for newsexplore: everything is read from settings.ini (nbdev 2.x layout)."""
from configparser import ConfigParser
from pathlib import Path
import setuptools

cfg = ConfigParser(delimiters=['='])
cfg.read(Path(__file__).parent/'settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']

licenses = {'apache2': ('Apache Software License 2.0', 'OSI Approved :: Apache Software License')}
lic = licenses[cfg['license']]
readme = Path(__file__).parent/'README.md'

setuptools.setup(
    name=cfg['lib_name'], version=cfg['version'], description=cfg['description'],
    long_description=readme.read_text(encoding='utf-8') if readme.exists() else '',
    long_description_content_type='text/markdown',
    author=cfg['author'], author_email=cfg['author_email'], license=lic[0], url=cfg['git_url'],
    keywords=cfg['keywords'].split(), python_requires=f">={cfg['min_python']}",
    classifiers=[f'License :: {lic[1]}', 'Programming Language :: Python :: 3', 'Framework :: Jupyter'],
    packages=setuptools.find_packages(include=[cfg['lib_name'], f"{cfg['lib_name']}.*"]),
    include_package_data=True, zip_safe=False,
    package_data={cfg['lib_name']: ['rules/*.yaml',  # the cleaning rules (clean.read_rules)
                                    'share/voila/templates/*/*',  # the offline Voilà template (cli.VOILA_PATH)
                                    '*.pyi', 'py.typed']},  # Corpus and Dataset stubs for IDEs (.ci/stubs.py)
    install_requires=cfg['requirements'].split(),
    extras_require={'dev': cfg['dev_requirements'].split(), 'dask': cfg['dask_requirements'].split()},
    entry_points={'console_scripts': cfg['console_scripts'].split(),
                  'nbdev': [f"{cfg['lib_name']}={cfg['lib_name']}._modidx:d"]},
)
