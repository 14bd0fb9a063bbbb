"""The security gate on screen: a verdict for every badge scanned at a door, readable from two metres.

`GateView` shows what `accreditor.gate.offline_gate.Gate` decided and logged (it decides nothing),
`GateSetupDialog` asks where the gate stands (zone, direction, and for an offline gate the package
and the key it trusts), `InsidePanel` shows who is inside and writes the evacuation list, and
`GateWindow` is the full-screen app of a gate laptop (`accreditor-gate EVENT|PACKAGE`).
"""
