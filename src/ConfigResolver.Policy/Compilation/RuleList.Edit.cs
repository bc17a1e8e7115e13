namespace ConfigResolver.Policy.Compilation;

internal sealed partial class RuleList
{
    /// <summary>
    /// Changes to one list collected by slot (holes for removals, overwrites for replacements, new slots for additions),
    /// so the result shares every chunk the changes leave alone and consumers learn exactly which slots changed. An
    /// insertion in the middle (a priority) switches to a plain list of the rules, and the result is numbered afresh.
    /// </summary>
    private sealed class Edit : IReadOnlyList<string[]>
    {
        private readonly RuleList _origin;
        private readonly Func<IReadOnlyList<string[]>, string[], int>? _insertAt;

        // Every rule this edit touched: its slot now, or -1 when it is absent now (first-touch order).
        private readonly Dictionary<string[], int> _touched = new(RuleComparer.Instance);
        private readonly HashSet<int> _changed = [];
        private readonly Dictionary<string[], long> _addedAt = new(RuleComparer.Instance);
        private readonly List<string[]> _gone = [];
        private ChunkedVector<string[]?>.Builder? _slots;
        private List<string[]>? _plain;
        private long _sequence;
        private int _count;

        // The last live index the list view resolved and its slot, so walks from the end (priority insertion) stay short.
        private int _cursorIndex = -1;
        private int _cursorSlot;

        public Edit(RuleList origin, Func<IReadOnlyList<string[]>, string[], int>? insertAt)
        {
            _origin = origin;
            _insertAt = insertAt;
            _count = origin.Count;
        }

        public int Count => _count;

        private ChunkedVector<string[]?>.Builder Slots => _slots ??= _origin.Slots.ToBuilder();

        private int SlotCount => _slots?.Count ?? _origin.Slots.Count;

        public string[] this[int index]
        {
            get
            {
                if (_plain is not null)
                {
                    return _plain[index];
                }

                var slot = SlotOfLive(index);
                return SlotAt(slot)!;
            }
        }

        public bool IsPresent(string[] rule) => _touched.TryGetValue(rule, out var slot) ? slot >= 0 : _origin.Contains(rule);

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
                _touched[rule] = 0;
            }
            else if (_plain is not null)
            {
                _plain.Add(rule);
                _touched[rule] = 0;
            }
            else
            {
                Slots.Add(rule);
                _touched[rule] = Slots.Count - 1;
            }

            _cursorIndex = -1;
            _count++;
            _addedAt[rule] = _sequence++;
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
            else
            {
                SetSlot(SlotOf(rule), null);
            }

            _touched[rule] = -1;
            _cursorIndex = -1;
            _count--;
            if (!_addedAt.Remove(rule))
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
                _touched[newRule] = 0;
            }
            else
            {
                var slot = SlotOf(oldRule);
                SetSlot(slot, newRule);
                _touched[newRule] = slot;
            }

            _touched[oldRule] = -1;
            if (!_addedAt.Remove(oldRule))
            {
                _gone.Add(oldRule);
            }

            _addedAt[newRule] = _sequence++;
        }

        public RuleList Finish()
        {
            if (_touched.Count == 0)
            {
                return _origin;
            }

            var added = _addedAt.OrderBy(static kv => kv.Value).Select(static kv => kv.Key).ToArray();
            var gone = _gone.ToArray();
            if (_plain is not null)
            {
                return Renumber([.. _plain], _origin, added, gone);
            }

            var slots = Slots.ToVector();
            if (slots.Count - _count > Math.Max(ChunkedVector<string[]?>.ChunkSize, _count))
            {
                return Renumber([.. this], _origin, added, gone);
            }

            var slotOf = _origin._slotOf.Apply(_touched.Select(static kv => (kv.Key, kv.Value >= 0, kv.Value)));
            var changed = _changed.ToArray();
            Array.Sort(changed);
            return new RuleList(slots, _count, slotOf, _origin, added, gone, changed, renumbered: false, items: null);
        }

        public IEnumerator<string[]> GetEnumerator()
        {
            if (_plain is not null)
            {
                foreach (var rule in _plain)
                {
                    yield return rule;
                }

                yield break;
            }

            for (var s = 0; s < SlotCount; s++)
            {
                if (SlotAt(s) is { } rule)
                {
                    yield return rule;
                }
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private string[]? SlotAt(int slot) => _slots is { } builder ? builder[slot] : _origin.Slots[slot];

        private int SlotOf(string[] rule) => _touched.TryGetValue(rule, out var slot) ? slot : _origin._slotOf.TryGetValue(rule, out var at) ? at : -1;

        private void SetSlot(int slot, string[]? rule)
        {
            Slots[slot] = rule;
            if (slot < _origin.Slots.Count)
            {
                _changed.Add(slot);
            }
        }

        /// <summary>The slot of the rule at live position <paramref name="index"/>: a walk from the start, the end or the last answer, whichever is nearest.</summary>
        private int SlotOfLive(int index)
        {
            var (from, slot) = (_cursorIndex >= 0 && Math.Abs(_cursorIndex - index) < Math.Min(index, _count - 1 - index))
                ? (_cursorIndex, _cursorSlot)
                : index <= _count - 1 - index ? (-1, -1) : (_count, SlotCount);
            while (from < index)
            {
                do
                {
                    slot++;
                }
                while (SlotAt(slot) is null);

                from++;
            }

            while (from > index)
            {
                do
                {
                    slot--;
                }
                while (SlotAt(slot) is null);

                from--;
            }

            (_cursorIndex, _cursorSlot) = (index, slot);
            return slot;
        }
    }
}
