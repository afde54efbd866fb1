select * from landing.orders
