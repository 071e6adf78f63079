"""The network summary as text, Markdown or JSON (``ecosys/report.h``).

One C call computes everything and renders it; the text crosses into
Python once. The JSON layout is docs/summary-json.md; :func:`summary_json`
returns it parsed (``null`` becomes None).
"""

from __future__ import annotations

import json
from typing import Any, Dict, Optional

from . import _native
from .errors import invalid
from .graph import Graph
from .measures import WEIGHTED

#: ``ECOSYS_NO_PATHS`` (``ecosys/measures.h``): skip the all-pairs path measures.
_NO_PATHS = 1 << 4

__all__ = ["summary", "summary_json", "FORMATS", "COMMUNITIES"]

#: Accepted values of ``format``, with their C ``ecosys_report_format``.
FORMATS = {"text": 0, "markdown": 1, "md": 1, "json": 2}


#: Accepted values of ``communities``, with their C ``ecosys_summary_communities``.
COMMUNITIES = {"leiden": 0, "louvain": 1, "none": 2}

#: Defaults of ``seed`` and ``replicates`` (``ECOSYS_SUMMARY_DEFAULT_SEED``,
#: ``ECOSYS_SUMMARY_DEFAULT_REPLICATES``).
DEFAULT_SEED = 1
DEFAULT_REPLICATES = 1000


def summary(graph: Graph, format: str = "text", *, group: Optional[str] = None,
            top: int = 5, weighted: bool = False, title: Optional[str] = None,
            paths: bool = True, seed: int = DEFAULT_SEED,
            replicates: int = DEFAULT_REPLICATES, communities: str = "leiden",
            across_groups: bool = True) -> str:
    """Renders the summary of a graph, as ``ecosys-summary`` prints it.

    Args:
        graph: the graph; the report states the options it was built with.
        format: ``"text"``, ``"markdown"`` (or ``"md"``) or ``"json"``.
        group: actor attribute of the breakdown (default ``"sector"``): a
            built-in field or a free attribute.
        top: actors listed per centrality in text and Markdown (>= 1).
        weighted: use tie weights (path measures take 1/weight as length;
            eigenvector and PageRank sum weights).
        title: heading of the report (``ecosys-summary`` puts the dataset's
            path there); None: the dataset's path if it was read from one.
        paths: compute the all-pairs path measures (default). False
            (``ECOSYS_NO_PATHS``, ``ecosys-summary --no-paths``) skips them,
            as they take O(n m) time (hours at 10^5 actors and 5 x 10^5
            ties): every actor's ``betweenness``,
            ``betweenness_normalized``, ``closeness`` and ``harmonic`` are
            None in JSON and n/a in text, so are the graph's ``diameter``,
            ``mean_distance``, ``betweenness_centralization`` and
            ``closeness_centralization``; text and Markdown leave out their
            top lists and say so; the JSON ``options.paths`` is false.
            Recommended above about 20,000 actors.
        seed: seed of the E-I label-permutation test and of community
            detection (``ecosys-summary --seed``): the same seed gives the
            same report. 0 to 2**64 - 1.
        replicates: permutations of the E-I test (>= 1), which gives
            ``mixing.ei_index.p`` (``--replicates``).
        communities: ``"leiden"`` (default), ``"louvain"`` or ``"none"``
            (``--communities``); with ``"none"`` the community members are
            None.
        across_groups: compute the measures across groups (mixing, E-I,
            brokerage, structural holes, communities; the default). False
            (``--no-across-groups``) leaves them out: their JSON members are
            None and text and Markdown skip their sections.

    Raises:
        InvalidArgumentError: an unknown format, group attribute (the
            message lists the attributes the actors have) or communities
            value, ``top`` < 1, ``replicates`` < 1, a seed out of range.
    """
    try:
        code = FORMATS[format]
    except (KeyError, TypeError):
        raise invalid(f"unknown format {format!r}: expected 'text', 'markdown' or 'json'") \
            from None
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise invalid(f"top must be a positive number of actors, not {top!r}")
    try:
        community_code = COMMUNITIES[communities]
    except (KeyError, TypeError):
        raise invalid(f"unknown communities {communities!r}: expected 'leiden', 'louvain' "
                      f"or 'none'") from None
    if isinstance(replicates, bool) or not isinstance(replicates, int) or replicates < 1:
        raise invalid(f"replicates must be a positive number, not {replicates!r}")
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < 2 ** 64:
        raise invalid(f"seed must be an integer from 0 to 2**64 - 1, not {seed!r}")
    if title is None:
        title = graph.dataset.source
    return _native.summary_render(
        graph._handle, code, _native.text(group, "group"), top, _native.text(title, "title"),
        (WEIGHTED if weighted else 0) | (0 if paths else _NO_PATHS), graph._c_options,
        seed=seed, replicates=replicates, communities=community_code,
        skip_across_groups=not across_groups)


def summary_json(graph: Graph, *, group: Optional[str] = None, top: int = 5,
                 weighted: bool = False, title: Optional[str] = None,
                 paths: bool = True, seed: int = DEFAULT_SEED,
                 replicates: int = DEFAULT_REPLICATES, communities: str = "leiden",
                 across_groups: bool = True) -> Dict[str, Any]:
    """The JSON summary, parsed: a dict laid out as docs/summary-json.md says.

    Options as :func:`summary`. ``paths=False`` skips the path measures:
    they are None; ``across_groups=False`` the measures across groups.
    """
    return json.loads(summary(graph, "json", group=group, top=top, weighted=weighted,
                              title=title, paths=paths, seed=seed, replicates=replicates,
                              communities=communities, across_groups=across_groups))
