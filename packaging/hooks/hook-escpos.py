"""python-escpos reads its printer profiles (capabilities.json) beside its modules."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("escpos")
