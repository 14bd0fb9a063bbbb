"""The front desk: find a guest, check them in and print their badge while the queue waits.

`DeskController` decides and talks to the core; `DeskView` and its parts (`GuestCard`, the result
list, the guest form, the reason dialog) only lay out and forward what the operator did.
"""
