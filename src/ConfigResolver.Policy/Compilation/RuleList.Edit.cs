using System.Collections.Immutable;

namespace ConfigResolver.Policy.Compilation;

internal sealed partial class RuleList
{
    /// <summary>
    /// Changes to one list collected as positions (removed, replaced in place, appended), so the result is built with one
    /// copy and consumers learn exactly which positions moved. An insertion in the middle (a priority) switches to a plain
    /// list of the items, and the result then reports <see cref="PositionsKnown"/> false.
    /// </summary>
    private sealed class Edit : IReadOnlyList<string[]>
    {
        // Past this many position look-ups, one dictionary of the origin's positions is cheaper than a scan per removal.
        private const int ScansBeforeMap = 8;

        private readonly RuleList _origin;
        private readonly Func<IReadOnlyList<string[]>, string[], int>? _insertAt;
        private readonly Dictionary<string[], bool> _present = new(RuleComparer.Instance);
        private readonly List<int> _removed = [];
        private readonly Dictionary<int, string[]> _replaced = [];
        private readonly List<string[]> _appended = [];
        private readonly List<string[]> _added = [];
        private readonly List<string[]> _gone = [];
        private List<string[]>? _plain;
        private Dictionary<string[], int>? _positions;
        private int _scans;

        public Edit(RuleList origin, Func<IReadOnlyList<string[]>, string[], int>? insertAt)
        {
            _origin = origin;
            _insertAt = insertAt;
        }

        public int Count => _plain?.Count ?? _origin.Count - _removed.Count + _appended.Count;

        public string[] this[int index]
        {
            get
            {
                if (_plain is not null)
                {
                    return _plain[index];
                }

                var kept = _origin.Count - _removed.Count;
                if (index >= kept)
                {
                    return _appended[index - kept];
                }

                var position = index;
                foreach (var r in _removed.Order())
                {
                    if (r > position)
                    {
                        break;
                    }

                    position++;
                }

                return _replaced.TryGetValue(position, out var rule) ? rule : _origin.Items[position];
            }
        }

        public bool IsPresent(string[] rule) => _present.TryGetValue(rule, out var present) ? present : _origin.Contains(rule);

        public void Add(string[] rule)
        {
            if (IsPresent(rule))
            {
                return;
            }

            var at = _insertAt?.Invoke(this, rule) ?? Count;
            if (at < Count)
            {
                (_plain ??= [.. this]).Insert(at, rule);
            }
            else if (_plain is not null)
            {
                _plain.Add(rule);
            }
            else
            {
                _appended.Add(rule);
            }

            _present[rule] = true;
            _added.Add(rule);
        }

        public void Remove(string[] rule)
        {
            if (!IsPresent(rule))
            {
                return;
            }

            if (_plain is not null)
            {
                _plain.RemoveAt(_plain.FindIndex(r => RuleComparer.Instance.Equals(r, rule)));
            }
            else if (_appended.FindIndex(r => RuleComparer.Instance.Equals(r, rule)) is var a and >= 0)
            {
                _appended.RemoveAt(a);
            }
            else if (ReplacedAt(rule) is { } replaced)
            {
                _replaced.Remove(replaced);
                _removed.Add(replaced);
            }
            else
            {
                _removed.Add(OriginPosition(rule));
            }

            _present[rule] = false;
            if (_added.FindIndex(r => RuleComparer.Instance.Equals(r, rule)) is var n and >= 0)
            {
                _added.RemoveAt(n);
            }
            else
            {
                _gone.Add(rule);
            }
        }

        /// <summary>Replaces a present rule in place (the caller checked that the new one is absent).</summary>
        public void Replace(string[] oldRule, string[] newRule)
        {
            if (_plain is not null)
            {
                _plain[_plain.FindIndex(r => RuleComparer.Instance.Equals(r, oldRule))] = newRule;
            }
            else if (_appended.FindIndex(r => RuleComparer.Instance.Equals(r, oldRule)) is var a and >= 0)
            {
                _appended[a] = newRule;
            }
            else
            {
                _replaced[ReplacedAt(oldRule) ?? OriginPosition(oldRule)] = newRule;
            }

            _present[oldRule] = false;
            _present[newRule] = true;
            if (_added.FindIndex(r => RuleComparer.Instance.Equals(r, oldRule)) is var n and >= 0)
            {
                _added.RemoveAt(n);
            }
            else
            {
                _gone.Add(oldRule);
            }

            _added.Add(newRule);
        }

        public RuleList Finish()
        {
            if (_added.Count == 0 && _gone.Count == 0)
            {
                return _origin;
            }

            var set = _origin._set.SetItems(_gone.Select(static r => KeyValuePair.Create(r, (string[]?)null))
                .Concat(_added.Select(static r => KeyValuePair.Create(r, (string[]?)r))));
            if (_plain is not null)
            {
                return new RuleList([.. _plain], set, _origin, [.. _added], [.. _gone], positionsKnown: false);
            }

            _removed.Sort();
            var items = _removed.Count == 0 && _replaced.Count == 0
                ? _origin.Items.AddRange(_appended)
                : Without(_origin.Items, _removed, _appended, _replaced);
            return new RuleList(items, set, _origin, [.. _added], [.. _gone], [.. _removed], [.. _replaced.Keys.Order()]);
        }

        public IEnumerator<string[]> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private int? ReplacedAt(string[] rule)
        {
            foreach (var (position, replacement) in _replaced)
            {
                if (RuleComparer.Instance.Equals(replacement, rule))
                {
                    return position;
                }
            }

            return null;
        }

        /// <summary>Where a rule that is present and untouched by this edit sits in the origin.</summary>
        private int OriginPosition(string[] rule)
        {
            if (_positions is null && ++_scans > ScansBeforeMap)
            {
                _positions = new Dictionary<string[], int>(_origin.Count, RuleComparer.Instance);
                for (var i = 0; i < _origin.Items.Length; i++)
                {
                    _positions[_origin.Items[i]] = i;
                }
            }

            return _positions is not null ? _positions[rule] : _origin.Items.IndexOf(rule, RuleComparer.Instance);
        }
    }
}
