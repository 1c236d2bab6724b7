"""The benefit plan's views, one function per URL, by what they act on:

- `plan`: the plan page, its settings, adopting a benefit from step 2, export
  and import;
- `benefits`: a benefit and its yearly values;
- `costs`: the plan's costs;
- `indicators`: an indicator, its confirmations, its page and measurements;
- `review`: submit, approve, return, revise, discard;
- `map`: the benefit map (gevinstkart), its links added and removed;
- `common`: what they share: the page-or-partial render helper, the editor
  frame every form is shown in, and how a refused change is answered.
"""
