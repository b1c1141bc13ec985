from claimledger.cli import main

raise SystemExit(main())
