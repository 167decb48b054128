"""Reading UN documents and finding, then resolving, the references in them: ``read`` → ``find`` → ``resolve``.

The package is also callable: ``instrumap.extract("file.txt")`` is the public API function
(``instrumap.api.extract``), and ``instrumap.extract.read.structure`` is still the submodule.
"""

import sys
import types
from typing import Any


class _CallablePackage(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from instrumap.api import extract

        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
