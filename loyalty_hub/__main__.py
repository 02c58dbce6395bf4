from loyalty_hub.cli import main

raise SystemExit(main())
