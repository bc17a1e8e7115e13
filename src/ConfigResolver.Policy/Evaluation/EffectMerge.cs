using ConfigResolver.Policy.Model;

namespace ConfigResolver.Policy.Evaluation;

/// <summary>
/// Go casbin's effect merge, one matched rule at a time, stopping where Go stops: allow-override at the first
/// matched allow; deny-override and allow-and-deny at the first matched deny; priority at the first matched rule
/// whose effect is allow or deny. Rules that do not match never reach it.
/// </summary>
internal struct EffectMerge(EffectKind kind)
{
    private int _firstAllow = -1;

    /// <summary>Offers a matched rule; returns true when the decision is made (in <paramref name="allowed"/>).</summary>
    public bool Offer(int ruleIndex, RuleEffect effect, out bool allowed)
    {
        switch (kind)
        {
            case EffectKind.AllowOverride when effect == RuleEffect.Allow:
                allowed = true;
                return true;
            case EffectKind.DenyOverride or EffectKind.AllowAndDeny when effect == RuleEffect.Deny:
                allowed = false;
                return true;
            case EffectKind.AllowAndDeny when effect == RuleEffect.Allow && _firstAllow < 0:
                _firstAllow = ruleIndex;
                break;
            case EffectKind.Priority or EffectKind.SubjectPriority when effect != RuleEffect.Indeterminate:
                allowed = effect == RuleEffect.Allow;
                return true;
            default:
                break;
        }

        allowed = false;
        return false;
    }

    /// <summary>The decision when every rule has been offered without deciding.</summary>
    public readonly (bool Allowed, int RuleIndex) Finish() => kind switch
    {
        EffectKind.DenyOverride => (true, -1),
        EffectKind.AllowAndDeny => (_firstAllow >= 0, _firstAllow),
        _ => (false, -1),
    };
}
