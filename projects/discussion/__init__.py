"""Comments with @mentions on the project and on the items its apps register
(targets.py): the text's parts (text.py), writes (services.py), reads
(selectors.py) and the pages (views.py)."""
