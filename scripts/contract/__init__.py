"""The portal element contract: what every guide may mention and the drift check looks for.

``model`` defines and loads ``portal/contract.yml``; ``mentions`` finds where the guides
mention its elements (standard library only, for the nightly publish job).
"""
