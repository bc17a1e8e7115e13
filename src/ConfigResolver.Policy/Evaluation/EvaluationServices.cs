using ConfigResolver.Policy.Roles;

namespace ConfigResolver.Policy.Evaluation;

/// <summary>The parts of a snapshot that matcher functions need: role managers by role-definition ordinal, and time.</summary>
internal sealed class EvaluationServices
{
    public EvaluationServices(RoleManager[] roleManagers, TimeProvider timeProvider)
    {
        RoleManagers = roleManagers;
        TimeProvider = timeProvider;
    }

    public RoleManager[] RoleManagers { get; }

    public TimeProvider TimeProvider { get; }
}
